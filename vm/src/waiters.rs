//! Who is told when a task finishes: the waiters a task keeps (an
//! awaiting task, a combinator's `Completions`, a blocked thread's
//! `Signal`, another runtime's release) and the queue through which a
//! combinator over many tasks learns which children finished.

use parking_lot::{Condvar, Mutex};
use runtime::{Shared, Waker};
use std::sync::Arc;

/// Who is told when a task finishes.
pub(crate) enum Waiter {
    /// An awaiting task, woken.
    Wake(Waker),
    /// A combinator over many tasks (`join`, `race`, `as_completed`): the
    /// finished child's index is queued for it, so it never rescans its
    /// children to find which one finished.
    Notify(Arc<Completions>, u32),
    /// A thread blocked in `wait_blocking` (the driver, a test's runner).
    Signal(Arc<Signal>),
    /// Another runtime waiting on this task (an Executor's caller): its
    /// external-work count is released when the task finishes, after the
    /// other waiters are woken.
    Release(Arc<Shared>),
}

/// Wakes a thread blocked on a task (`TaskObj::wait_blocking`): kept by the
/// rare blocking waiter, not by every task.
#[derive(Default)]
pub(crate) struct Signal {
    set: Mutex<bool>,
    cv: Condvar,
}

impl Signal {
    pub(crate) fn set(&self) {
        *self.set.lock() = true;
        self.cv.notify_all();
    }

    /// Waits until set or until `deadline`; true if set.
    pub(crate) fn wait(&self, deadline: Option<std::time::Instant>) -> bool {
        let mut set = self.set.lock();
        while !*set {
            match deadline {
                Some(d) => {
                    if self.cv.wait_until(&mut set, d).timed_out() {
                        return *set;
                    }
                }
                None => self.cv.wait(&mut set),
            }
        }
        true
    }
}

/// A child that finished: its index among the awaiter's children, and
/// whether it failed (a success needs no second look at the child).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Done {
    pub index: u32,
    pub failed: bool,
}

/// Finished children, as `Completions::take` hands them over.
pub type DoneList = smallvec::SmallVec<[Done; 16]>;

/// The children of a combinator that finished, in the order they did,
/// and the waker of the task that awaits the combinator.
#[derive(Default)]
pub struct Completions {
    inner: Mutex<CompletionsInner>,
}

#[derive(Default)]
struct CompletionsInner {
    /// Inline up to a typical fan-out (no allocation per `join` or group).
    done: DoneList,
    waker: Option<Waker>,
    /// Indices queued since the start (each registered child queues once).
    queued: u32,
    /// The awaiter's wake-up rule (see `Wake`).
    wake: Wake,
}

/// When a finishing child wakes the awaiter.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
pub enum Wake {
    /// At the first child of a burst (`race`, `as_completed`): until the
    /// awaiter takes the queue, that wake-up stands for every index queued
    /// after it.
    #[default]
    EachBurst,
    /// Only once `n` children have queued in all, or at a failure when
    /// `on_failure` (`join`, a TaskGroup's end: nothing to do until every
    /// child is done, unless one fails and the rest must be cancelled).
    /// The awaiter sets `n` to the number of children it registered with.
    /// A `batch` above 0 also wakes it each time that many are queued and
    /// not yet taken (a TaskGroup's end lets go of its finished children,
    /// and their results, as it goes rather than all at the end).
    AllOf { n: u32, on_failure: bool, batch: u32 },
}

impl Completions {
    /// Sets the waker to wake when a child finishes, and the rule for it.
    /// Called before `take`: a child that queues after it wakes by the new
    /// rule, one that queued before it is in what `take` returns.
    pub fn listen(&self, waker: &Waker, wake: Wake) {
        let mut inner = self.inner.lock();
        inner.wake = wake;
        // Room for every child still to queue: a child finishing does not
        // grow the queue (a copy of it, under the lock).
        if let Wake::AllOf { n, .. } = wake {
            let more = n.saturating_sub(inner.queued) as usize;
            inner.done.reserve(more);
        }
        if !inner.waker.as_ref().is_some_and(|w| w.same_task(waker)) {
            inner.waker = Some(waker.clone());
        }
    }

    /// The children that finished since the last call, in finishing order.
    pub fn take(&self) -> DoneList {
        std::mem::take(&mut self.inner.lock().done)
    }

    pub(crate) fn push(&self, index: u32, failed: bool) {
        let waker = {
            let mut inner = self.inner.lock();
            inner.done.push(Done { index, failed });
            inner.queued += 1;
            let wake = match inner.wake {
                Wake::EachBurst => inner.done.len() == 1,
                Wake::AllOf { n, on_failure, batch } => {
                    inner.queued == n
                        || (on_failure && failed && inner.queued < n)
                        || (batch > 0 && inner.done.len() == batch as usize && inner.queued < n)
                }
            };
            if !wake {
                return;
            }
            inner.waker.clone()
        };
        if let Some(w) = waker {
            w.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Completions, Done};

    #[test]
    fn take_hands_over_finished_children_in_order_with_their_verdicts() {
        let c = Completions::default();
        c.push(3, false);
        c.push(1, true);
        assert_eq!(c.take()[..], [Done { index: 3, failed: false }, Done { index: 1, failed: true }]);
        assert!(c.take().is_empty(), "nothing new since the last take");
        c.push(2, false);
        assert_eq!(c.take()[..], [Done { index: 2, failed: false }]);
    }

    /// A task no runtime runs: a wake-up only marks it SCHEDULED.
    struct Detached(runtime::TaskHeader);
    impl runtime::Schedulable for Detached {
        fn header(&self) -> &runtime::TaskHeader {
            &self.0
        }
        fn poll(self: std::sync::Arc<Self>) -> runtime::Poll {
            runtime::Poll::Done
        }
        fn runtime(&self) -> Option<&std::sync::Arc<runtime::Shared>> {
            None
        }
    }

    /// Whether the task was woken since the last look (and makes it idle
    /// again, to be woken anew).
    fn woken(task: &Detached) -> bool {
        let was = task.0.transition_to_running();
        task.0.transition_to_idle();
        was
    }

    #[test]
    fn all_of_wakes_at_the_last_child_at_a_failure_and_at_each_batch() {
        use super::Wake;
        let task = std::sync::Arc::new(Detached(runtime::TaskHeader::new()));
        let w = runtime::Waker::detached(task.clone());
        let c = Completions::default();
        c.listen(&w, Wake::AllOf { n: 10, on_failure: true, batch: 4 });
        for i in 0..3 {
            c.push(i, false);
        }
        assert!(!woken(&task), "three of ten, no failure, below the batch");
        c.push(3, false);
        assert!(woken(&task), "a batch of four");
        assert_eq!(c.take().len(), 4);
        c.push(4, true);
        assert!(woken(&task), "a failure");
        c.take();
        for i in 5..8 {
            c.push(i, false);
        }
        assert!(!woken(&task), "three since the last take");
        c.push(8, false);
        assert!(woken(&task), "the second batch");
        c.take();
        c.push(9, false);
        assert!(woken(&task), "the last child");
        let c = Completions::default();
        c.listen(&w, Wake::AllOf { n: 3, on_failure: false, batch: 0 });
        c.push(0, true);
        c.push(1, false);
        assert!(!woken(&task), "no batch, failures not asked for");
        c.push(2, false);
        assert!(woken(&task), "the last child");
    }
}
