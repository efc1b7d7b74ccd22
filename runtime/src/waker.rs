//! `Waker`: the handle a suspended task leaves with whatever it waits on.
//! Waking schedules the task on its runtime (at most once per suspension,
//! thanks to the task state machine).
//!
//! A *detached* waker (`Waker::detached`, test support) belongs to no
//! runtime: waking it only moves its task's header along the state machine
//! (IDLE → SCHEDULED, RUNNING → NOTIFIED) and queues nothing. The
//! deterministic interleaving explorer (runtime/tests/interleavings.rs)
//! drives tasks by hand and reads those header states to see who was woken.

use crate::scheduler::Shared;
use crate::task::TaskRef;
use std::sync::Arc;

#[derive(Clone)]
pub struct Waker {
    pub(crate) task: TaskRef,
    /// `None` only for a detached waker.
    pub(crate) rt: Option<Arc<Shared>>,
}

impl Waker {
    pub fn wake(&self) {
        if self.task.header().transition_to_scheduled() {
            if let Some(rt) = &self.rt {
                rt.schedule(self.task.clone(), true);
            }
        }
    }

    /// Test support: a waker tied to no runtime. Waking it only changes the
    /// task's header state (see the module comment); nothing is queued or
    /// polled. Not for use by the interpreter.
    #[doc(hidden)]
    pub fn detached(task: TaskRef) -> Waker {
        Waker { task, rt: None }
    }

    /// Whether two wakers wake the same task.
    pub fn same_task(&self, other: &Waker) -> bool {
        Arc::ptr_eq(&self.task, &other.task)
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}
