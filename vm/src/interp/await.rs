//! The `Await` instruction: a coroutine runs inline in this fiber (a plain
//! frame push), a task is waited for, a native future is polled. Before any
//! of that, a pending cancellation or deadlock is raised here: the awaiting
//! point is where a task can be interrupted.

use super::{FrameKind, Vm};
use crate::error::{RtResult, Thrown};
use crate::futures::{FutCx, FutPoll};
use crate::task::WaitSite;
use crate::value::Value;
use std::sync::Arc;

pub(crate) enum AwaitStep {
    /// The value is on the stack.
    Ready,
    /// A coroutine's frame was pushed.
    Entered,
    /// The fiber must suspend; the task's waker is registered.
    Suspend,
}

impl Vm {
    pub(crate) fn await_top(&mut self, at: usize) -> RtResult<AwaitStep> {
        let Some(task) = self.task.clone() else {
            return Err(Thrown::new("Error", "`await` outside a running task"));
        };
        // A pending cancellation (or DeadlockError) is raised only where the
        // task would suspend: an operation that is ready completes first, so
        // a send that happened is never reported as cancelled.
        let v = self.fiber.stack.last().cloned().unwrap_or_default();
        match &v {
            Value::Coroutine(c) => {
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
                let kind = match &c.writeback {
                    Some((place, indices, depth)) if *depth == self.fiber.frames.len() => {
                        FrameKind::Writeback(Box::new(super::Writeback {
                            place: place.clone(),
                            indices: indices.clone(),
                        }))
                    }
                    _ => FrameKind::Normal,
                };
                self.enter(closure, callee_at, argc, kwref, kind)?;
                Ok(AwaitStep::Entered)
            }
            Value::Task(t) => {
                if Arc::ptr_eq(t, &task) {
                    return Err(Thrown::new("Error", format!("task `{}` cannot await itself", t.name())));
                }
                match t.result_or_register(&task.waker()) {
                    Some(r) => {
                        self.pop();
                        let v = crate::futures::deliver(&r)?;
                        self.push(v);
                        Ok(AwaitStep::Ready)
                    }
                    None => {
                        if let Some(interrupt) = task.take_interrupt() {
                            return Err(interrupt);
                        }
                        self.note_wait(&task, at, v.clone());
                        Ok(AwaitStep::Suspend)
                    }
                }
            }
            Value::Future(f) => {
                let Some(ctx) = self.ctx.clone() else {
                    return Err(Thrown::new("Error", "`await` outside a running task"));
                };
                let waker = task.waker();
                let cx = FutCx { waker: &waker, ctx: &ctx, task: &task };
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
                        self.pop();
                        self.push(r?);
                        Ok(AwaitStep::Ready)
                    }
                    FutPoll::Pending => {
                        if let Some(interrupt) = task.take_interrupt() {
                            // The future is dropped as the error unwinds,
                            // which withdraws what it registered.
                            return Err(interrupt);
                        }
                        self.note_wait(&task, at, v.clone());
                        Ok(AwaitStep::Suspend)
                    }
                }
            }
            other => Err(Thrown::type_error(format!(
                "cannot await a {} (await a coroutine, a task or a future)",
                other.type_name()
            ))),
        }
    }

    fn note_wait(&self, task: &crate::task::TaskObj, at: usize, on: Value) {
        if let Some(f) = self.fiber.frames.last() {
            let span = f.closure.get().proto.spans.get(at).copied().unwrap_or_default();
            *task.wait_site.lock() =
                Some(WaitSite { file: f.closure.get().proto.file.clone(), span, on: crate::task::WaitOn::of(&on) });
        }
    }
}
