//! Futures over tasks: `join`, `join_settled`, `race`, `as_completed`
//! (`AwaitTasks`), `timeout`, and `task.catch()`. Children are tasks; a
//! combinator that gives up on some (a failure in `join`, the loser of a
//! `race`, an expired `timeout`) cancels them and waits until they have
//! finished, so their `finally` blocks have run before it returns.

use super::{FutCx, FutPoll, NativeFuture};
use crate::error::{ErrorObj, Thrown};
use crate::task::{Completions, TaskObj, TaskResult, Wake};
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
    /// The children still running; a child is let go of as soon as its
    /// result is taken (while its object is in this core's cache, and so
    /// that a long join does not keep every finished child alive).
    tasks: Vec<Option<Arc<TaskObj>>>,
    /// How many children there are.
    count: usize,
    mode: Mode,
    /// Where the children queue their indices as they finish: a poll looks
    /// only at the children that finished since the last one, so awaiting
    /// n children costs O(n) in all, not O(n) per wake-up. A child the
    /// combinator made itself (from a coroutine) was born registered with
    /// it; the others (tasks handed in) are registered at the first poll.
    completions: Arc<Completions>,
    /// Children not born registered, registered (and emptied) at the
    /// first poll.
    unregistered: Vec<u32>,
    /// How many children were registered with `completions` (the rest had
    /// finished already): each queues its index once.
    registered: u32,
    /// The results of the finished children, by index.
    results: Vec<Option<TaskResult>>,
    /// Indices in completion order.
    finished: Vec<usize>,
    /// Set once the outcome is decided; then we only wait for cancellations.
    outcome: Option<Result<Value, Thrown>>,
    /// Items handed out by `async for`.
    yielded: usize,
}

impl AwaitTasks {
    /// Over `tasks`, of which those at `unregistered` still have to be
    /// registered with `completions` (the rest were made with it as their
    /// first waiter: `RtCtx::fn_task_with`).
    pub fn new(
        tasks: Vec<Arc<TaskObj>>,
        mode: Mode,
        completions: Arc<Completions>,
        unregistered: Vec<u32>,
    ) -> AwaitTasks {
        let results = vec![None; tasks.len()];
        // Every child lands in `finished` once: room for all at the start.
        let finished = Vec::with_capacity(tasks.len());
        let registered = (tasks.len() - unregistered.len()) as u32;
        let count = tasks.len();
        let tasks = tasks.into_iter().map(Some).collect();
        AwaitTasks {
            tasks,
            count,
            mode,
            completions,
            unregistered,
            registered,
            results,
            finished,
            outcome: None,
            yielded: 0,
        }
    }

    /// Takes in the children that finished since the last poll, then
    /// decides the outcome if it can (a failure in `join`, the first to
    /// finish in a `race`) and cancels the children still running.
    fn update(&mut self, cx: &FutCx) {
        let before = self.finished.len();
        let completions = &self.completions;
        for i in std::mem::take(&mut self.unregistered) {
            let i = i as usize;
            let Some(task) = &self.tasks[i] else { continue };
            match task.result_or_notify(completions, i as u32) {
                Some(r) => {
                    self.results[i] = Some(r);
                    self.tasks[i] = None;
                    self.finished.push(i);
                }
                None => self.registered += 1,
            }
        }
        // `join` needs a wake-up only when every child is done or one
        // failed; `join_settled` only when every child is done.
        let wake = match self.mode {
            Mode::All => Wake::AllOf { n: self.registered, on_failure: true, batch: 0 },
            Mode::Settled => Wake::AllOf { n: self.registered, on_failure: false, batch: 0 },
            Mode::Race | Mode::AsCompleted => Wake::EachBurst,
        };
        completions.listen(cx.waker(), wake);
        for i in completions.take().into_iter().map(|d| d.index as usize) {
            if self.results[i].is_none() {
                if let Some(task) = self.tasks[i].take() {
                    self.results[i] = task.result();
                    self.finished.push(i);
                }
            }
        }
        if self.outcome.is_some() || self.finished.len() == before {
            return;
        }
        let mut newly = self.finished[before..].iter().filter_map(|&i| Some((i, self.results[i].as_ref()?)));
        self.outcome = match self.mode {
            // A success is not looked at again until every child is done.
            Mode::All => newly.find_map(|(_, r)| r.thrown().cloned()).map(Err),
            Mode::Race => newly.next().map(|(i, r)| deliver(r).map(|v| Value::tuple(vec![Value::Int(i as i64), v]))),
            Mode::Settled | Mode::AsCompleted => None,
        };
        if self.outcome.is_some() {
            self.tasks.iter().flatten().for_each(|t| t.cancel());
        }
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
        self.tasks.iter().flatten().for_each(|t| t.cancel());
    }
}

impl NativeFuture for AwaitTasks {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        self.update(cx);
        if self.finished.len() < self.count {
            return FutPoll::Pending;
        }
        if let Some(outcome) = self.outcome.take() {
            return FutPoll::Ready(outcome);
        }
        if self.mode == Mode::All {
            // Every child succeeded (a failure decided the outcome above):
            // the values move out of the results, in input order.
            let values = std::mem::take(&mut self.results).into_iter().flatten().map(|r| match r {
                TaskResult::Value(v) => v,
                TaskResult::Failed(_) => Value::None,
            });
            return FutPoll::Ready(Ok(Value::list(values.collect())));
        }
        let all = self.results.iter().flatten();
        FutPoll::Ready(match self.mode {
            Mode::Settled => Ok(Value::list(all.map(settle).collect())),
            Mode::AsCompleted => self
                .finished
                .iter()
                .filter_map(|&i| self.results[i].as_ref())
                .map(deliver)
                .collect::<Result<Vec<_>, _>>()
                .map(Value::list),
            _ => all.map(deliver).collect::<Result<Vec<_>, _>>().map(Value::list),
        })
    }

    fn poll_next(&mut self, cx: &FutCx) -> Option<FutPoll> {
        if self.mode != Mode::AsCompleted {
            return None;
        }
        self.update(cx);
        if let Some(&i) = self.finished.get(self.yielded) {
            self.yielded += 1;
            return Some(FutPoll::Ready(match &self.results[i] {
                Some(r) => deliver(r).map(Value::some),
                None => Ok(Value::None),
            }));
        }
        if self.yielded >= self.count {
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
        // The children it still waits for (the finished ones are let go of).
        let names: Vec<std::borrow::Cow<str>> = self.tasks.iter().flatten().map(|t| t.name()).collect();
        let done = self.count - names.len();
        match done {
            0 => format!("{what}([{}])", names.join(", ")),
            _ => format!("{what}([{}], {done} of {} done)", names.join(", "), self.count),
        }
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
