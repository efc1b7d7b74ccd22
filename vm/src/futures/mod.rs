//! Native awaitables. A `NativeFuture` is polled by the `Await` instruction
//! each time its task runs: `Ready` resumes the fiber with a value (or an
//! error), `Pending` suspends it after the future registered the task's
//! waker. Dropping a future (its awaiter was cancelled) must deregister it.

mod combinators;
mod sleep;
pub mod ticker;

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

/// What `poll_pair` found.
pub enum PairPoll {
    Ready(usize, Value),
    Failed(crate::error::Thrown),
    Pending,
}

/// What `poll_bare` found.
pub enum BarePoll {
    /// `Some(v)`, given as `v`.
    Value(Value),
    /// `None`: the channel is closed and drained.
    Closed,
    Pending,
}

/// What a future gets when polled. The task's waker is made on first use:
/// most polls complete at once and never need one.
pub struct FutCx<'a> {
    pub ctx: &'a Arc<RtCtx>,
    pub task: &'a Arc<TaskObj>,
    waker: std::cell::OnceCell<Waker>,
}

impl<'a> FutCx<'a> {
    pub fn new(ctx: &'a Arc<RtCtx>, task: &'a Arc<TaskObj>) -> FutCx<'a> {
        FutCx { ctx, task, waker: std::cell::OnceCell::new() }
    }

    /// The polling task's waker, for a future that registers to be woken.
    pub fn waker(&self) -> &Waker {
        self.waker.get_or_init(|| self.task.waker())
    }
}

pub trait NativeFuture: Send {
    fn poll(&mut self, cx: &FutCx) -> FutPoll;
    /// What it waits for, for deadlock reports (`sleep`, `join`, …).
    fn describe(&self) -> String;
    /// Polled instead of `poll` when the task has a cancellation pending:
    /// `Some(Ready(..))` only if the operation already *committed* (a send
    /// whose value was taken, a task that finished), else `None` and the
    /// cancellation wins — so a cancelled receive never takes a value, and a
    /// completed send is never reported as cancelled.
    fn poll_committed(&mut self, _cx: &FutCx) -> Option<FutPoll> {
        None
    }
    /// For a future whose value is an Optional (a channel receive), awaited
    /// where the result is unwrapped at once (`while let Some(v) = await …`,
    /// `(await …).unwrap()`): polled instead of `poll`, it hands over the
    /// value without the `Some` around it. None if not supported.
    fn poll_bare(&mut self, _cx: &FutCx) -> Option<BarePoll> {
        None
    }
    /// For a future whose value is an `(index, value)` pair (`select`),
    /// awaited where the pair is unpacked at once (`match await select(…)`
    /// with tuple patterns): polled instead of `poll`, it hands over the two
    /// items without building the tuple. None if not supported.
    fn poll_pair(&mut self, _cx: &FutCx) -> Option<PairPoll> {
        None
    }
    /// For futures that can also be iterated with `async for` (`as_completed`):
    /// the next item (`Some(v)`), or `None` at the end. `None` if not iterable.
    fn poll_next(&mut self, _cx: &FutCx) -> Option<FutPoll> {
        None
    }
}

/// A future as a value (`Value::Future`). The future is boxed behind the
/// lock so that `Arc<FutureObj>` stays a thin pointer (a `Value` is 16
/// bytes; an `Arc<dyn …>` would make every value 24).
pub struct FutureObj {
    pub inner: Mutex<Box<dyn NativeFuture>>,
}

impl std::fmt::Debug for FutureObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Future({})", self.inner.lock().describe())
    }
}

/// An already-finished future (`__aexit__` of builtin handles).
pub struct Ready(Option<Value>);

impl NativeFuture for Ready {
    fn poll(&mut self, _cx: &FutCx) -> FutPoll {
        FutPoll::Ready(Ok(self.0.take().unwrap_or_default()))
    }

    fn describe(&self) -> String {
        "ready".into()
    }
}

pub fn ready(v: Value) -> Value {
    value(Ready(Some(v)))
}

pub fn value(f: impl NativeFuture + 'static) -> Value {
    Value::Future(Arc::new(FutureObj { inner: Mutex::new(Box::new(f)) }))
}

/// `__anext__` on an async-iterable future: polls its next item.
pub struct NextItem {
    pub source: Arc<FutureObj>,
}

impl NativeFuture for NextItem {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match self.source.inner.lock().poll_next(cx) {
            Some(p) => p,
            None => {
                FutPoll::Ready(Err(crate::error::Thrown::type_error("this future cannot be iterated with `async for`")))
            }
        }
    }

    fn describe(&self) -> String {
        self.source.inner.lock().describe()
    }
}
