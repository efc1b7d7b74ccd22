//! Native awaitables. A `NativeFuture` is polled by the `Await` instruction
//! each time its task runs: `Ready` resumes the fiber with a value (or an
//! error), `Pending` suspends it after the future registered the task's
//! waker. Dropping a future (its awaiter was cancelled) must deregister it.

mod combinators;
mod sleep;

pub use combinators::{deliver, AwaitTasks, Catch, Mode, Timeout};
pub use sleep::Sleep;

use crate::error::RtResult;
use crate::task::{RtCtx, TaskObj};
use crate::value::Value;
use parking_lot::Mutex;
use runtime::Waker;
use std::sync::Arc;

pub enum FutPoll {
    Ready(RtResult<Value>),
    Pending,
}

/// What a future gets when polled.
pub struct FutCx<'a> {
    pub waker: &'a Waker,
    pub ctx: &'a Arc<RtCtx>,
    pub task: &'a Arc<TaskObj>,
}

pub trait NativeFuture: Send {
    fn poll(&mut self, cx: &FutCx) -> FutPoll;
    /// What it waits for, for deadlock reports (`sleep`, `join`, …).
    fn describe(&self) -> String;
}

/// A future as a value (`Value::Future`).
pub struct FutureObj {
    pub inner: Mutex<Box<dyn NativeFuture>>,
}

impl std::fmt::Debug for FutureObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Future({})", self.inner.lock().describe())
    }
}

pub fn value(f: impl NativeFuture + 'static) -> Value {
    Value::Future(Arc::new(FutureObj { inner: Mutex::new(Box::new(f)) }))
}
