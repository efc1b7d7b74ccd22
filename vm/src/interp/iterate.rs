//! Iteration protocols: `for` over builtin iterables and structs with
//! `__iter__`/`__next__` (whose `mut self` is written back), `async for`
//! set-up, collecting an iterable into a list, destructuring.

use super::{FrameKind, Vm, Writeback};
use crate::bytecode::Place;
use crate::error::{RtResult, Thrown};
use crate::iter::IterState;
use crate::value::Value;
use std::sync::Arc;

/// What advancing a non-builtin iterator did.
pub enum IterStep {
    Item(Value),
    Done,
    /// A `__next__` frame was pushed.
    Called,
}

impl Vm {
    /// `GetIter`: builtin iterables become an iterator; a struct's `__iter__` is called.
    pub(crate) fn get_iter(&mut self, v: Value) -> RtResult<Value> {
        if let Some(state) = IterState::over(&v) {
            return Ok(Value::Iter(Box::new(state)));
        }
        if let Value::Struct(s) = &v {
            if let Some(m) = s.ty.method("__iter__") {
                let it = self.call_value(m, vec![v.clone()])?;
                return match IterState::over(&it) {
                    Some(state) => Ok(Value::Iter(Box::new(state))),
                    None => Ok(it),
                };
            }
            if s.ty.method("__next__").is_some() {
                return Ok(v);
            }
        }
        Err(not_iterable(&v))
    }

    /// `GetAIter`: what `async for` iterates with `__anext__`.
    pub(crate) fn get_aiter(&mut self, v: Value) -> RtResult<Value> {
        match &v {
            Value::Channel(_) | Value::Future(_) => Ok(v),
            Value::Struct(s) => {
                if let Some(m) = s.ty.method("__aiter__") {
                    return self.call_value(m, vec![v.clone()]);
                }
                if s.ty.method("__anext__").is_some() {
                    return Ok(v);
                }
                Err(Thrown::type_error(format!(
                    "`{}` is not async-iterable (define `__aiter__` and `async fn __anext__`)",
                    s.ty.name
                )))
            }
            other => Err(Thrown::type_error(format!(
                "`async for` needs a channel or an async iterator, not {} (use a plain `for`)",
                other.type_name()
            ))),
        }
    }

    /// `ForIter` on something that is not a builtin iterator: a struct with `__next__`.
    pub(crate) fn for_iter_slow(&mut self, at: usize) -> RtResult<IterStep> {
        let it = self.fiber.stack[at].clone();
        match &it {
            Value::Struct(s) => {
                let Some(Value::Func(next)) = s.ty.method("__next__") else {
                    return Err(Thrown::type_error(format!("`{}` has no `__next__` method", s.ty.name)));
                };
                // Call `__next__` with the iterator moved out of its slot, and
                // write it back when the call returns (`mut self`).
                let slot = (at - self.base()) as u16;
                drop(it);
                let this = std::mem::take(&mut self.fiber.stack[at]);
                let callee_at = self.fiber.stack.len();
                self.push(Value::Func(next.clone()));
                self.push(this);
                let place = Place {
                    root: crate::bytecode::PlaceRoot::Local(slot),
                    steps: Vec::new(),
                    text: "iterator".into(),
                    readonly: false,
                };
                let kind = FrameKind::Writeback(Box::new(Writeback { place, indices: Vec::new() }));
                self.enter(next, callee_at, 1, None, kind)?;
                Ok(IterStep::Called)
            }
            other => match IterState::over(other) {
                Some(mut state) => {
                    let r = state.next();
                    self.fiber.stack[at] = Value::Iter(Box::new(state));
                    Ok(r.map_or(IterStep::Done, IterStep::Item))
                }
                None => Err(not_iterable(other)),
            },
        }
    }

    /// All items of an iterable, for `list(x)`, `*xs`, `sorted`, ...
    pub fn collect_iterable(&mut self, v: &Value) -> RtResult<Vec<Value>> {
        match v {
            Value::List(xs) | Value::Tuple(xs) => return Ok((**xs).clone()),
            Value::Unit => return Ok(Vec::new()),
            _ => {}
        }
        if let Some(mut state) = IterState::over(v) {
            let mut out = Vec::new();
            while let Some(x) = state.next() {
                out.push(x);
            }
            return Ok(out);
        }
        if let Value::Struct(_) = v {
            let mut it = self.get_iter(v.clone())?;
            if let Value::Iter(state) = &mut it {
                let mut out = Vec::new();
                while let Some(x) = state.next() {
                    out.push(x);
                }
                return Ok(out);
            }
            let mut out = Vec::new();
            loop {
                let Value::Struct(s) = &it else { break };
                let Some(next) = s.ty.method("__next__") else {
                    break;
                };
                // Run `__next__` on a temporary copy, keeping its mutations.
                let (item, this) = self.call_mut_method(next, it, Vec::new());
                it = this;
                let item = item?;
                match item {
                    Value::None => break,
                    x if x.is_some() => out.push(x.into_some_inner().unwrap_or(Value::None)),
                    other => {
                        return Err(Thrown::type_error(format!(
                            "__next__ must return an Optional, not {}",
                            other.type_name()
                        )))
                    }
                }
                if out.len() > 100_000_000 {
                    return Err(Thrown::new("OverflowError", "iterator produced too many items"));
                }
            }
            return Ok(out);
        }
        Err(not_iterable(v))
    }

    /// Calls a `mut self` method on an owned value with `args`; returns the
    /// result and the (possibly modified) self, which comes back even when
    /// the method failed.
    pub(crate) fn call_mut_method(&mut self, method: Value, this: Value, args: Vec<Value>) -> (RtResult<Value>, Value) {
        let Value::Func(closure) = method else {
            return (Err(Thrown::type_error("not a method")), this);
        };
        let depth = self.fiber.frames.len();
        let callee_at = self.fiber.stack.len();
        // A hidden slot below the callee receives the written-back self.
        self.push(Value::None);
        let holder = callee_at - self.base();
        self.push(Value::Func(closure.clone()));
        self.push(this);
        let argc = args.len() + 1;
        self.fiber.stack.extend(args);
        let place = Place {
            root: crate::bytecode::PlaceRoot::Local(holder as u16),
            steps: Vec::new(),
            text: "self".into(),
            readonly: false,
        };
        let kind = FrameKind::Writeback(Box::new(Writeback { place, indices: Vec::new() }));
        if let Err(e) = self.enter(closure, callee_at + 1, argc, None, kind) {
            // The arguments were consumed; the receiver is still in its slot.
            self.fiber.stack.truncate(callee_at + 2);
            let this = self.pop();
            self.pop();
            self.pop();
            return (Err(e), this);
        }
        let r = self.execute(depth);
        // Whether it returned or failed, the stack now ends with the holder.
        self.fiber.stack.truncate(callee_at + 1);
        let this = self.pop();
        (r, this)
    }

    pub(crate) fn unpack(&mut self, v: Value, n: usize) -> RtResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(xs) | Value::List(xs) => Arc::unwrap_or_clone(xs),
            Value::Unit => Vec::new(),
            other => self.collect_iterable(&other)?,
        };
        if items.len() != n {
            return Err(Thrown::value_error(format!("expected {n} values to unpack, got {}", items.len())));
        }
        Ok(items)
    }
}

/// "an Int is not iterable", "a Bool is not iterable".
fn not_iterable(v: &Value) -> Thrown {
    Thrown::type_error(format!("{} is not iterable", v.a_type_name()))
}
