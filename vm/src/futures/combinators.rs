//! Futures over tasks: `join`, `join_settled`, `race`, `as_completed`
//! (`AwaitTasks`), `timeout`, and `task.catch()`. Children are tasks; a
//! combinator that gives up on some (a failure in `join`, the loser of a
//! `race`, an expired `timeout`) cancels them and waits until they have
//! finished, so their `finally` blocks have run before it returns.

use super::{FutCx, FutPoll, NativeFuture};
use crate::error::{ErrorObj, Thrown};
use crate::task::{TaskObj, TaskResult};
use crate::value::Value;
use runtime::TimerHandle;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// values in input order; the first failure cancels the rest and is raised
    All,
    /// a Result per child, in input order
    Settled,
    /// `(index, value)` of the first to finish; the rest are cancelled
    Race,
    /// values in completion order
    AsCompleted,
}

pub struct AwaitTasks {
    tasks: Vec<Arc<TaskObj>>,
    mode: Mode,
    /// Completion order (indices) as observed.
    finished: Vec<usize>,
    /// Set once the outcome is decided; then we only wait for cancellations.
    outcome: Option<Result<Value, Thrown>>,
    /// Items handed out by `async for`.
    yielded: usize,
}

impl AwaitTasks {
    pub fn new(tasks: Vec<Arc<TaskObj>>, mode: Mode) -> AwaitTasks {
        AwaitTasks { tasks, mode, finished: Vec::new(), outcome: None, yielded: 0 }
    }
}

/// The value (or error) a task result gives its awaiter.
pub fn deliver(r: &TaskResult) -> Result<Value, Thrown> {
    match r {
        TaskResult::Value(v) => Ok(v.clone()),
        TaskResult::Failed(f) => Err(f.thrown.clone()),
    }
}

fn settle(r: &TaskResult) -> Value {
    match r {
        TaskResult::Value(v) => Value::ok(v.clone()),
        TaskResult::Failed(f) => match &f.thrown {
            Thrown::Error(e) => Value::err(e.clone()),
            Thrown::Panic(msg) => Value::err(Value::str(msg.clone())),
        },
    }
}

impl Drop for AwaitTasks {
    fn drop(&mut self) {
        // Dropped before it delivered (its awaiter was cancelled): the
        // children it waits for are cancelled too (as asyncio.gather does).
        // (A no-op for children that finished: cancel ignores them.)
        for t in &self.tasks {
            t.cancel();
        }
    }
}

impl NativeFuture for AwaitTasks {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let mut results: Vec<Option<TaskResult>> = Vec::with_capacity(self.tasks.len());
        for (i, t) in self.tasks.iter().enumerate() {
            let r = t.result_or_register(cx.waker());
            if r.is_some() && !self.finished.contains(&i) {
                self.finished.push(i);
            }
            results.push(r);
        }
        if self.outcome.is_none() {
            self.outcome = match self.mode {
                Mode::All => results.iter().flatten().find_map(|r| deliver(r).err()).map(Err),
                Mode::Race => self.finished.first().map(|&i| match results[i].as_ref().map(deliver) {
                    Some(Ok(v)) => Ok(Value::tuple(vec![Value::Int(i as i64), v])),
                    Some(Err(e)) => Err(e),
                    None => Ok(Value::None),
                }),
                _ => None,
            };
            if self.outcome.is_some() {
                for (t, r) in self.tasks.iter().zip(&results) {
                    if r.is_none() {
                        t.cancel();
                    }
                }
            }
        }
        if results.iter().any(|r| r.is_none()) {
            return FutPoll::Pending;
        }
        if let Some(outcome) = self.outcome.take() {
            return FutPoll::Ready(outcome);
        }
        let all = results.into_iter().flatten();
        FutPoll::Ready(match self.mode {
            Mode::Settled => Ok(Value::list(all.map(|r| settle(&r)).collect())),
            Mode::AsCompleted => {
                let rs: Vec<TaskResult> = all.collect();
                let mut out = Vec::new();
                for &i in &self.finished {
                    match deliver(&rs[i]) {
                        Ok(v) => out.push(v),
                        Err(e) => return FutPoll::Ready(Err(e)),
                    }
                }
                Ok(Value::list(out))
            }
            _ => all.map(|r| deliver(&r)).collect::<Result<Vec<_>, _>>().map(Value::list),
        })
    }

    fn poll_next(&mut self, cx: &FutCx) -> Option<FutPoll> {
        if self.mode != Mode::AsCompleted {
            return None;
        }
        for (i, t) in self.tasks.iter().enumerate() {
            if !self.finished.contains(&i) && t.result_or_register(cx.waker()).is_some() {
                self.finished.push(i);
            }
        }
        // `outcome` counts how many items were handed out so far.
        let given = self.yielded;
        if let Some(&i) = self.finished.get(given) {
            self.yielded += 1;
            let r = self.tasks[i].result_or_register(cx.waker());
            return Some(FutPoll::Ready(match r {
                Some(r) => deliver(&r).map(Value::some),
                None => Ok(Value::None),
            }));
        }
        if given >= self.tasks.len() {
            return Some(FutPoll::Ready(Ok(Value::None)));
        }
        Some(FutPoll::Pending)
    }

    fn poll_committed(&mut self, cx: &FutCx) -> Option<FutPoll> {
        // The children are tasks of their own: results they produced are kept.
        match self.poll(cx) {
            FutPoll::Pending => None,
            ready => Some(ready),
        }
    }

    fn describe(&self) -> String {
        let what = match self.mode {
            Mode::All => "join",
            Mode::Settled => "join_settled",
            Mode::Race => "race",
            Mode::AsCompleted => "as_completed",
        };
        let names: Vec<std::borrow::Cow<str>> = self.tasks.iter().map(|t| t.name()).collect();
        format!("{what}([{}])", names.join(", "))
    }
}

/// `timeout(fut, secs)`.
pub struct Timeout {
    task: Arc<TaskObj>,
    nanos: u64,
    secs_text: String,
    deadline: Option<u64>,
    timer: Option<TimerHandle>,
    expired: bool,
    /// The result was handed out.
    done: bool,
}

impl Timeout {
    pub fn new(task: Arc<TaskObj>, nanos: u64, secs_text: String) -> Timeout {
        Timeout { task, nanos, secs_text, deadline: None, timer: None, expired: false, done: false }
    }
}

impl NativeFuture for Timeout {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let now = cx.ctx.rt.clock.now_ns();
        let deadline = *self.deadline.get_or_insert(now.saturating_add(self.nanos));
        if let Some(r) = self.task.result_or_register(cx.waker()) {
            if let Some(t) = self.timer.take() {
                t.cancel();
            }
            // An operation that completed wins even past the deadline (its
            // value must not be lost); only one that was cancelled timed out.
            let cancelled = r.thrown().is_some_and(|t| t.kind() == Some("CancelledError"));
            if self.expired && cancelled {
                let e = ErrorObj::value("TimeoutError", format!("timed out after {}s", self.secs_text));
                return FutPoll::Ready(Ok(Value::err(e)));
            }
            self.done = true;
            return FutPoll::Ready(deliver(&r).map(Value::ok));
        }
        if !self.expired && now >= deadline {
            self.expired = true;
            self.task.cancel();
            return FutPoll::Pending;
        }
        if self.timer.is_none() && !self.expired {
            self.timer = Some(cx.ctx.rt.timers.add(deadline, cx.waker().clone()));
        }
        FutPoll::Pending
    }

    fn poll_committed(&mut self, cx: &FutCx) -> Option<FutPoll> {
        // The operation finished (its result must not be lost): deliver it.
        if self.task.is_done() {
            return match self.poll(cx) {
                FutPoll::Pending => None,
                ready => Some(ready),
            };
        }
        None
    }

    fn describe(&self) -> String {
        format!("timeout({}, {}s)", self.task.name(), self.secs_text)
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(t) = self.timer.take() {
            t.cancel();
        }
        // The awaiter was cancelled: the operation must not run on unobserved
        // (an orphaned receive would swallow a value).
        if !self.done {
            self.task.cancel();
        }
    }
}

/// `task.catch()`: `Ok(value)`, `Err(error)` for a raised error or
/// cancellation, `Err(message)` for a panic.
pub struct Catch {
    task: Arc<TaskObj>,
}

impl Catch {
    pub fn new(task: Arc<TaskObj>) -> Catch {
        Catch { task }
    }
}

impl NativeFuture for Catch {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match self.task.result_or_register(cx.waker()) {
            Some(r) => FutPoll::Ready(Ok(settle(&r))),
            None => FutPoll::Pending,
        }
    }

    fn poll_committed(&mut self, cx: &FutCx) -> Option<FutPoll> {
        match self.poll(cx) {
            FutPoll::Pending => None,
            ready => Some(ready),
        }
    }

    fn describe(&self) -> String {
        format!("{}.catch()", self.task.name())
    }
}
