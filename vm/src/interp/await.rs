//! The `Await` instruction: a coroutine runs inline in this fiber (a plain
//! frame push), a task is waited for, a native future is polled. Before any
//! of that, a pending cancellation or deadlock is raised here: the awaiting
//! point is where a task can be interrupted.

use super::{FrameKind, Vm};
use crate::chan::AfterRecv;
use crate::error::{RtResult, Thrown};
use crate::futures::{BarePoll, FutCx, FutPoll, PairPoll};
use crate::task::WaitSite;
use crate::value::Value;
use std::sync::Arc;

pub(crate) enum AwaitStep {
    /// The value is on the stack.
    Ready,
    /// A received value is on the stack without its `Some`: the unwrap
    /// after the `Await` is skipped.
    ReadySkip,
    /// The receive found its channel closed, and the `MatchUnwrap` after the
    /// `Await` fails: go to its target (the result was popped).
    Jump(usize),
    /// A coroutine's frame was pushed.
    Entered,
    /// The fiber must suspend; the task's waker is registered.
    Suspend,
}

impl Vm {
    /// `after`: what the instruction after the `Await` does with the result
    /// (worked out only when a future is awaited).
    pub(crate) fn await_top(&mut self, after: impl FnOnce() -> AfterRecv) -> RtResult<AwaitStep> {
        if self.task.is_none() {
            return Err(Thrown::new("Error", "`await` outside a running task"));
        }
        // A pending cancellation (or DeadlockError) is raised only where the
        // task would suspend: an operation that is ready completes first, so
        // a send that happened is never reported as cancelled.
        match self.fiber.stack.last() {
            Some(Value::Future(_)) => self.await_future(after()),
            Some(Value::Coroutine(_)) => self.await_coroutine(),
            Some(Value::Task(_)) => self.await_task(),
            other => {
                let what = other.map_or_else(|| Value::None.type_name(), |v| v.type_name());
                let article = if what.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
                Err(Thrown::type_error(format!(
                    "cannot await {article} {what} (await a coroutine, a task or a future)"
                )))
            }
        }
    }

    /// The hot case (a channel operation, `sleep`, a lock…): poll the future
    /// where it sits on the stack, without cloning it, the task or the context.
    fn await_future(&mut self, after: AfterRecv) -> RtResult<AwaitStep> {
        let (Some(task), Some(ctx), Some(Value::Future(f))) = (&self.task, &self.ctx, self.fiber.stack.last()) else {
            return Err(Thrown::new("Error", "`await` outside a running task"));
        };
        let cx = FutCx::new(ctx, task);
        if matches!(after, AfterRecv::Pair) && !task.interrupt_pending() {
            // The pair is unpacked at once: take its two items.
            let pair = f.inner.lock().poll_pair(&cx);
            match pair {
                Some(PairPoll::Ready(i, v)) => {
                    self.set_top(Value::Int(i as i64));
                    self.push(v);
                    return Ok(AwaitStep::ReadySkip);
                }
                Some(PairPoll::Failed(e)) => return Err(e),
                Some(PairPoll::Pending) => return self.land_bare(BarePoll::Pending, after),
                None => {}
            }
        }
        if matches!(after, AfterRecv::Match(_) | AfterRecv::Unwrap) && !task.interrupt_pending() {
            // The result is unwrapped at once: take a received value bare.
            let bare = f.inner.lock().poll_bare(&cx);
            if let Some(bare) = bare {
                return self.land_bare(bare, after);
            }
        }
        let polled = if task.interrupt_pending() {
            match f.inner.lock().poll_committed(&cx) {
                Some(p) => p,
                None => FutPoll::Pending,
            }
        } else {
            f.inner.lock().poll(&cx)
        };
        match polled {
            FutPoll::Ready(r) => {
                // The future is replaced by its value (and dropped).
                self.set_top(r?);
                Ok(AwaitStep::Ready)
            }
            FutPoll::Pending => {
                if let Some(interrupt) = task.take_interrupt() {
                    // The future is dropped as the error unwinds,
                    // which withdraws what it registered.
                    return Err(interrupt);
                }
                Ok(AwaitStep::Suspend)
            }
        }
    }

    /// Puts what a bare receive found where the `Await` and the instruction
    /// after it (`after`) want it.
    fn land_bare(&mut self, bare: BarePoll, after: AfterRecv) -> RtResult<AwaitStep> {
        Ok(match bare {
            BarePoll::Value(v) => {
                self.set_top(v);
                AwaitStep::ReadySkip
            }
            BarePoll::Closed => match after {
                AfterRecv::Match(fail) => {
                    self.pop();
                    AwaitStep::Jump(fail)
                }
                _ => {
                    self.set_top(Value::None);
                    AwaitStep::Ready
                }
            },
            BarePoll::Pending => match self.task.as_ref().and_then(|t| t.take_interrupt()) {
                // Dropping the future as the error unwinds withdraws it.
                Some(interrupt) => return Err(interrupt),
                None => AwaitStep::Suspend,
            },
        })
    }

    /// Replaces the awaited value on top of the stack by its result.
    fn set_top(&mut self, v: Value) {
        if let Some(top) = self.fiber.stack.last_mut() {
            *top = v;
        }
    }

    /// A coroutine runs inline: its frame is pushed on this fiber.
    fn await_coroutine(&mut self) -> RtResult<AwaitStep> {
        let Some(Value::Coroutine(c)) = self.fiber.stack.last().cloned() else {
            return Err(Thrown::type_error("a coroutine must wrap an async fn"));
        };
        let (f, args, kw) = c.take()?;
        self.pop();
        let Value::Func(closure) = f else {
            return Err(Thrown::type_error("a coroutine must wrap an async fn"));
        };
        let callee_at = self.fiber.stack.len();
        let argc = args.len();
        self.push(Value::Func(closure.clone()));
        self.fiber.stack.extend(args);
        let names: Vec<Arc<str>> = kw.iter().map(|(k, _)| k.clone()).collect();
        self.fiber.stack.extend(kw.into_iter().map(|(_, v)| v));
        let kwref = if names.is_empty() { None } else { Some(&names[..]) };
        let kind = match c.writeback.as_deref() {
            Some((place, indices, depth)) if *depth == self.fiber.frames.len() => {
                FrameKind::Writeback(Box::new(super::Writeback { place: place.clone(), indices: indices.clone() }))
            }
            _ => FrameKind::Normal,
        };
        self.enter(closure, callee_at, argc, kwref, kind)?;
        Ok(AwaitStep::Entered)
    }

    /// Waiting for a spawned task's result.
    fn await_task(&mut self) -> RtResult<AwaitStep> {
        let (Some(task), Some(Value::Task(t))) = (&self.task, self.fiber.stack.last()) else {
            return Err(Thrown::new("Error", "`await` outside a running task"));
        };
        if Arc::ptr_eq(t, task) {
            return Err(Thrown::new("Error", format!("task `{}` cannot await itself", t.name())));
        }
        match t.value_or_register(|| task.waker()) {
            Some(r) => {
                self.set_top(r?);
                Ok(AwaitStep::Ready)
            }
            None => match task.take_interrupt() {
                Some(interrupt) => Err(interrupt),
                None => Ok(AwaitStep::Suspend),
            },
        }
    }

    /// Where this (parked) fiber waits: the `Await` its top frame will run
    /// again, and what is awaited (the value on top of the stack).
    pub(crate) fn wait_site(&self) -> Option<WaitSite> {
        let f = self.fiber.frames.last()?;
        let proto = &f.closure.get().proto;
        if !matches!(proto.code.get(f.ip), Some(crate::bytecode::Op::Await)) {
            return None;
        }
        Some(WaitSite {
            file: proto.file.clone(),
            span: proto.spans.get(f.ip).copied().unwrap_or_default(),
            on: crate::task::WaitOn::of(self.fiber.stack.last()?),
        })
    }
}
