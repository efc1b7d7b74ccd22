//! `Waker`: the handle a suspended task leaves with whatever it waits on.
//! Waking schedules the task on its runtime (at most once per suspension,
//! thanks to the task state machine). A waker is the task reference alone
//! (the task knows its runtime, `Schedulable::runtime`), so making or
//! dropping one is a single reference-count operation.
//!
//! A waker of a *detached* task (one whose `runtime()` is `None`: test
//! support) only moves its task's header along the state machine (IDLE →
//! SCHEDULED, RUNNING → NOTIFIED) and queues nothing. The deterministic
//! interleaving explorer (runtime/tests/interleavings.rs) drives tasks by
//! hand and reads those header states to see who was woken.

use crate::task::TaskRef;
use std::sync::Arc;

#[derive(Clone)]
pub struct Waker {
    pub(crate) task: TaskRef,
}

impl Waker {
    pub fn new(task: TaskRef) -> Waker {
        Waker { task }
    }

    pub fn wake(&self) {
        if self.task.header().transition_to_scheduled() {
            if let Some(rt) = self.task.runtime() {
                rt.schedule(self.task.clone(), true);
            }
        }
    }

    /// Test support: the waker of a task whose `runtime()` is `None` (see
    /// the module comment). Not for use by the interpreter.
    #[doc(hidden)]
    pub fn detached(task: TaskRef) -> Waker {
        debug_assert!(task.runtime().is_none(), "a detached waker's task must have no runtime");
        Waker { task }
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
