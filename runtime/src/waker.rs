//! `Waker`: the handle a suspended task leaves with whatever it waits on.
//! Waking schedules the task on its runtime (at most once per suspension,
//! thanks to the task state machine).

use crate::scheduler::Shared;
use crate::task::TaskRef;
use std::sync::Arc;

#[derive(Clone)]
pub struct Waker {
    pub(crate) task: TaskRef,
    pub(crate) rt: Arc<Shared>,
}

impl Waker {
    pub fn wake(&self) {
        if self.task.header().transition_to_scheduled() {
            self.rt.schedule(self.task.clone(), true);
        }
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
