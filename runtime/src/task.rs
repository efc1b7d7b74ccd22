//! A schedulable task as the runtime sees it: an atomic scheduling state and
//! a `poll` that runs one time slice. The state machine makes wake-ups
//! idempotent and never lost:
//!
//! ```text
//!   IDLE --wake--> SCHEDULED --worker picks--> RUNNING --Pending--> IDLE
//!                                                 |  \--wake--> NOTIFIED --poll ends--> SCHEDULED
//!                                                 \--Done--> DONE
//! ```
//! A wake while RUNNING only marks NOTIFIED; the worker re-queues the task when
//! its poll returns, so a wake that races with suspension cannot be lost.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

pub const IDLE: u8 = 0;
pub const SCHEDULED: u8 = 1;
pub const RUNNING: u8 = 2;
pub const NOTIFIED: u8 = 3;
pub const DONE: u8 = 4;

/// What one poll of a task ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poll {
    /// Finished; never polled again.
    Done,
    /// Waiting: something holds its `Waker` and will wake it.
    Pending,
    /// Used up its budget: re-queue at the back.
    Yield,
}

/// The scheduling header every task embeds.
#[derive(Debug, Default)]
pub struct TaskHeader {
    state: AtomicU8,
}

impl TaskHeader {
    pub fn new() -> TaskHeader {
        TaskHeader { state: AtomicU8::new(IDLE) }
    }

    pub fn state(&self) -> u8 {
        self.state.load(Ordering::Acquire)
    }

    /// IDLE → SCHEDULED (returns true: the caller must queue the task), or
    /// RUNNING → NOTIFIED (returns false: the runner will re-queue it).
    pub fn transition_to_scheduled(&self) -> bool {
        let mut cur = self.state.load(Ordering::Acquire);
        loop {
            let next = match cur {
                IDLE => SCHEDULED,
                RUNNING => NOTIFIED,
                _ => return false,
            };
            match self.state.compare_exchange_weak(cur, next, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => return next == SCHEDULED,
                Err(actual) => cur = actual,
            }
        }
    }

    /// SCHEDULED → RUNNING before a poll. False if the task is already done.
    pub fn transition_to_running(&self) -> bool {
        self.state.compare_exchange(SCHEDULED, RUNNING, Ordering::AcqRel, Ordering::Acquire).is_ok()
    }

    /// After a `Pending` poll: RUNNING → IDLE. Returns true when a wake
    /// arrived during the poll (NOTIFIED), in which case the task is now
    /// SCHEDULED and must be queued again.
    pub fn transition_to_idle(&self) -> bool {
        match self.state.compare_exchange(RUNNING, IDLE, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => false,
            Err(_) => {
                self.state.store(SCHEDULED, Ordering::Release);
                true
            }
        }
    }

    /// After a `Yield` poll: the task goes straight back to SCHEDULED.
    pub fn transition_to_rescheduled(&self) {
        self.state.store(SCHEDULED, Ordering::Release);
    }

    pub fn transition_to_done(&self) {
        self.state.store(DONE, Ordering::Release);
    }

    /// Marks a freshly created task SCHEDULED (it is about to be queued).
    /// False if something already scheduled it (a wake raced the spawn):
    /// then the caller must not queue it a second time.
    pub fn mark_spawned(&self) -> bool {
        self.state.compare_exchange(IDLE, SCHEDULED, Ordering::AcqRel, Ordering::Acquire).is_ok()
    }
}

/// Anything the scheduler can run.
pub trait Schedulable: Send + Sync + 'static {
    fn header(&self) -> &TaskHeader;
    /// Runs one time slice on the current worker.
    fn poll(self: Arc<Self>) -> Poll;
    /// The runtime that queues this task when it is woken. `None` only for
    /// a detached task (test support, see `Waker::detached`): waking it
    /// moves its header along and queues nothing.
    fn runtime(&self) -> Option<&Arc<crate::scheduler::Shared>>;
}

pub type TaskRef = Arc<dyn Schedulable>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wake_while_running_is_not_lost() {
        let h = TaskHeader::new();
        assert!(h.transition_to_scheduled());
        assert!(h.transition_to_running());
        // A wake arrives during the poll.
        assert!(!h.transition_to_scheduled());
        // The poll ends Pending: the task must be re-queued.
        assert!(h.transition_to_idle());
        assert_eq!(h.state(), SCHEDULED);
    }

    #[test]
    fn double_wake_queues_once() {
        let h = TaskHeader::new();
        assert!(h.transition_to_scheduled());
        assert!(!h.transition_to_scheduled());
        assert!(h.transition_to_running());
        assert!(!h.transition_to_idle());
        assert_eq!(h.state(), IDLE);
    }

    #[test]
    fn done_tasks_are_never_scheduled() {
        let h = TaskHeader::new();
        h.mark_spawned();
        assert!(h.transition_to_running());
        h.transition_to_done();
        assert!(!h.transition_to_scheduled());
        assert!(!h.transition_to_running());
    }
}
