//! Unwinding: when an instruction fails, frames are popped (recording the
//! traceback and finishing `mut self` write-backs) until a handler installed
//! inside the running `execute` call is found. Panics skip `except` handlers
//! but still run `finally` ones.

use super::{FrameKind, Vm};
use crate::error::{Thrown, TraceEntry};

impl Vm {
    /// Transfers control to the innermost matching handler above `stop`
    /// (returning `Ok`), or pops every frame above `stop` and returns the error.
    pub(crate) fn unwind(&mut self, thrown: Thrown, stop: usize) -> Result<(), Thrown> {
        if !std::mem::take(&mut self.reraising) {
            self.record_frame();
        }
        loop {
            let handler = self.fiber.handlers.last().copied();
            match handler {
                Some(h) if h.frame_len > stop => {
                    while self.fiber.frames.len() > h.frame_len {
                        self.pop_frame_unwinding();
                        self.record_frame();
                    }
                    self.fiber.handlers.pop();
                    if matches!(thrown, Thrown::Panic(_)) && !h.finally {
                        continue;
                    }
                    self.fiber.stack.truncate(h.sp);
                    let value = thrown.into_value();
                    if let Some(key) = identity(&value) {
                        if self.caught.len() >= 64 {
                            self.caught.remove(0);
                        }
                        self.caught.push((key, std::mem::take(&mut self.trace)));
                    }
                    self.trace.clear();
                    self.push(value);
                    if let Some(f) = self.fiber.frames.last_mut() {
                        f.ip = h.target as usize;
                    }
                    return Ok(());
                }
                _ => {
                    while self.fiber.frames.len() > stop {
                        self.pop_frame_unwinding();
                        if self.fiber.frames.len() > stop {
                            self.record_frame();
                        }
                    }
                    return Err(thrown);
                }
            }
        }
    }

    /// Adds the innermost frame's current position to the traceback.
    fn record_frame(&mut self) {
        if let Some(f) = self.fiber.frames.last() {
            let proto = &f.closure.get().proto;
            let at = f.ip.saturating_sub(1);
            let mut span = proto.spans.get(at).copied().unwrap_or_default();
            // Inside an inlined call: the inlined function's line first, as
            // if it had a frame of its own, then the call.
            let inlined = proto.inlined.iter().rev().find(|c| (c.start as usize..c.end as usize).contains(&at));
            if let Some(call) = inlined {
                let inner = TraceEntry { function: call.name.to_string(), file: proto.file.clone(), span };
                if !self.trace.last().is_some_and(|t| t.function == inner.function && t.span == inner.span) {
                    self.trace.push(inner);
                }
                span = call.call_span;
            }
            let entry = TraceEntry { function: proto.name.to_string(), file: proto.file.clone(), span };
            // A frame re-recorded at the same place (nested unwinds) is kept once.
            if self.trace.last().is_some_and(|t| t.function == entry.function && t.span == entry.span) {
                return;
            }
            self.trace.push(entry);
        }
    }

    fn pop_frame_unwinding(&mut self) {
        let Some(frame) = self.fiber.frames.pop() else {
            return;
        };
        let callee_at = frame.ret_at;
        if matches!(frame.kind, FrameKind::BorrowedSelf) {
            super::forget_slot(&mut self.fiber.stack, frame.base);
        }
        // Handlers of the popped frame are gone with it.
        while self.fiber.handlers.last().is_some_and(|h| h.frame_len > self.fiber.frames.len()) {
            self.fiber.handlers.pop();
        }
        match frame.kind {
            FrameKind::Writeback(wb) => {
                let this = self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default();
                self.fiber.stack.truncate(callee_at);
                let _ = self.put_place(&wb.place, &wb.indices, this);
            }
            FrameKind::WritebackLocal(at) => {
                let this = self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default();
                self.fiber.stack.truncate(callee_at);
                if let Some(slot) = self.fiber.stack.get_mut(at) {
                    *slot = this;
                }
            }
            _ => self.fiber.stack.truncate(callee_at),
        }
    }
}

/// The identity of an error value (its allocation), for matching a
/// re-raise with the traceback it had when caught.
pub(crate) fn identity(v: &crate::value::Value) -> Option<usize> {
    match v {
        crate::value::Value::Error(e) => Some(std::sync::Arc::as_ptr(e) as usize),
        _ => None,
    }
}
