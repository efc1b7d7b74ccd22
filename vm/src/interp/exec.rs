//! One instruction at a time, out of the hot loop (`run.rs`): `Vm::step`
//! runs any instruction by the general rules (the hot loop has already
//! tried its fast path), as one `match` over `Op`; rare ones go on to
//! `exec_cold` (cold.rs), and the work behind calls, places and operators
//! lives in `call.rs`, `place.rs` and `crate::ops`. The frame's `ip` is
//! written back before anything that can fail or switch frames, so
//! tracebacks and handlers see the right instruction.

use super::r#await::AwaitStep;
use super::run::Step;
use super::typing::{expect_bool, load_global};
use super::{Flow, FrameFn, FrameKind, Vm};
use crate::bytecode::{Op, Variant};
use crate::error::{RtResult, Thrown};
use crate::ops;
use crate::task::CoroutineObj;
use crate::task_name::TaskName;
use crate::value::{Closure, Value};
use parser::ast::{BinOp, CmpOp};
use std::sync::Arc;

impl Vm {
    /// Runs until the frame count drops back to `stop`, returning the value
    /// of the frame that returned. Errors unwind to handlers inside the frames
    /// above `stop`; an error that finds none is returned.
    pub(crate) fn execute(&mut self, stop: usize) -> RtResult<Value> {
        loop {
            match self.run_frames(stop) {
                Ok(Flow::Return(v)) => return Ok(v),
                Ok(Flow::Suspend) | Ok(Flow::Yield) => {
                    return Err(Thrown::new(
                        "Error",
                        "cannot wait here: code called back from a builtin (such as `__str__` or a sort key) cannot await or suspend",
                    ))
                }
                Err(thrown) => self.unwind(thrown, stop)?,
            }
        }
    }

    /// Runs the instruction `op` of the running frame (its `ip` already past
    /// it) for the hot loop, which has already tried its fast path: the
    /// slow case of a hot instruction, or any other instruction.
    #[inline(never)]
    pub(crate) fn step(
        &mut self,
        op: Op,
        mut ip: usize,
        closure: &Closure,
        base: usize,
        stop: usize,
    ) -> RtResult<Step> {
        let proto = &closure.proto;
        let code = &proto.code[..];

        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        self.save_ip(ip);
                        return Err(e);
                    }
                }
            };
        }

        match op {
            Op::Const(i) => {
                let v = proto.consts.get(i as usize).cloned().unwrap_or_default();
                self.push(v);
            }
            Op::SmallInt(n) => self.push(Value::Int(n as i64)),
            Op::None => self.push(Value::None),
            Op::Unit => self.push(Value::Unit),
            Op::Bool(b) => self.push(Value::Bool(b)),
            Op::Load(s) => {
                let v = self.fiber.stack[base + s as usize].clone();
                self.push(v);
            }
            Op::Clear(s) => {
                let old = std::mem::take(&mut self.fiber.stack[base + s as usize]);
                drop(old);
            }
            Op::Store(s) => {
                // The top moves into the slot; the slot's old value is dropped.
                let old = self.fiber.stack.swap_remove(base + s as usize);
                drop(old);
            }
            Op::LoadGlobal(g) => {
                let v = tri!(load_global(&closure.globals, g as usize));
                self.push(v);
            }
            Op::Pop => {
                self.pop();
            }
            Op::Binary(bop) => {
                let b = self.pop();
                let a = self.pop();
                let r = self.binary_values(bop, a, b, ip);
                self.push(tri!(r));
            }
            Op::BinaryLocalConst { slot, op: bop, k } => {
                let a = self.fiber.stack[base + slot as usize].clone();
                let r = self.binary_values(bop, a, Value::Int(k as i64), ip);
                self.push(tri!(r));
            }
            Op::CompareLocalConst { slot, op: cop, k } => {
                let a = self.fiber.stack[base + slot as usize].clone();
                self.save_ip(ip);
                let r = tri!(self.compare_values(cop, &a, &Value::Int(k as i64)));
                self.push(Value::Bool(r));
            }
            Op::Compare(cop) => {
                let b = self.pop();
                let a = self.pop();
                self.save_ip(ip);
                let r = tri!(self.compare_values(cop, &a, &b));
                self.push(Value::Bool(r));
            }
            Op::Jump(t) => {
                if (t as usize) < ip && stop == 0 {
                    self.budget -= 1;
                    if self.budget <= 0 {
                        ip = t as usize;
                        self.save_ip(ip);
                        return Ok(Step::Exit(Flow::Yield));
                    }
                }
                ip = t as usize;
            }
            Op::JumpIfFalse(t) => {
                let v = self.pop();
                if !tri!(expect_bool(&v, "a condition")) {
                    ip = t as usize;
                }
            }
            Op::CmpJump(i) => {
                let c = proto.cmp_jumps[i as usize];
                let a = self.fiber.stack[base + c.slot as usize].clone();
                self.save_ip(ip);
                if !tri!(self.compare_values(c.op, &a, &Value::Int(c.k as i64))) {
                    ip = c.target as usize;
                }
            }
            Op::JumpIfTrue(t) => {
                let v = self.pop();
                if tri!(expect_bool(&v, "a condition")) {
                    ip = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) => {
                let v = self.fiber.stack.last().cloned().unwrap_or_default();
                if !tri!(expect_bool(&v, "an operand of `and`")) {
                    ip = t as usize;
                } else {
                    self.pop();
                }
            }
            Op::JumpIfTrueOrPop(t) => {
                let v = self.fiber.stack.last().cloned().unwrap_or_default();
                if tri!(expect_bool(&v, "an operand of `or`")) {
                    ip = t as usize;
                } else {
                    self.pop();
                }
            }
            Op::Call(n) => {
                self.save_ip(ip);
                if tri!(self.call(n as usize, None)) {
                    return Ok(Step::Frames);
                }
            }
            Op::CallGlobal { slot, argc } => {
                self.save_ip(ip);
                let n = argc as usize;
                let callee_at = self.fiber.stack.len() - n;
                let fast = match closure.globals.frozen_ref(slot as usize) {
                    Some(Value::Func(f)) if !f.proto.is_async => Some(Arc::as_ptr(f)),
                    Some(Value::Func(f)) if matches!(code.get(ip), Some(Op::Await)) => {
                        // `await g(args)`: awaiting a coroutine runs it in
                        // this fiber, so it is entered like a plain call,
                        // with no coroutine object, and returns past the
                        // `Await`.
                        ip += 1;
                        self.save_ip(ip);
                        Some(Arc::as_ptr(f))
                    }
                    Some(Value::Func(f)) => {
                        // An async fn: the call is a lazy coroutine over the arguments.
                        let args = self.pop_call_args(n);
                        let co = CoroutineObj::new(
                            TaskName::of_fn(&FrameFn::Global(Arc::as_ptr(f))),
                            FrameFn::Global(Arc::as_ptr(f)),
                            args,
                            Vec::new(),
                        );
                        self.push(Value::Coroutine(Arc::new(co)));
                        return Ok(Step::Next(ip));
                    }
                    _ => None,
                };
                match fast {
                    Some(ptr) => {
                        // SAFETY: a frozen global's closure outlives every frame
                        // (see `FrameFn::Global`).
                        let callee: &Closure = unsafe { &*ptr };
                        if self.plain_entry(callee, &self.fiber.stack[callee_at..]) {
                            let nslots = callee.proto.nslots as usize;
                            if nslots > n {
                                self.fiber.stack.resize(callee_at + nslots, Value::None);
                            }
                            self.push_frame(super::FrameFn::Global(ptr), callee_at, callee_at, FrameKind::Normal);
                            return Ok(Step::Frames);
                        }
                        // No callee slot: the arguments are the frame's first slots.
                        tri!(self.enter_at(
                            super::FrameFn::Global(ptr),
                            callee_at,
                            callee_at,
                            n,
                            None,
                            FrameKind::Normal
                        ));
                        return Ok(Step::Frames);
                    }
                    None => {
                        let f = tri!(load_global(&closure.globals, slot as usize));
                        self.fiber.stack.insert(callee_at, f);
                        if tri!(self.call(n, None)) {
                            return Ok(Step::Frames);
                        }
                    }
                }
            }
            Op::SpawnGlobal { slot, argc } => {
                self.save_ip(ip);
                let n = argc as usize;
                let method = match code.get(ip) {
                    Some(Op::CallMethod(i)) => Some(&proto.method_sites[*i as usize]),
                    _ => None,
                };
                if let (Some(Value::Func(f)), true) = (closure.globals.frozen_ref(slot as usize), self.ctx.is_some()) {
                    if f.proto.is_async {
                        let name = TaskName::of_fn(&FrameFn::Global(Arc::as_ptr(f)));
                        match method {
                            None => {
                                let args = self.pop_call_args(n);
                                // The context is borrowed, not cloned: its
                                // count is shared by every worker.
                                if let Some(ctx) = &self.ctx {
                                    let task =
                                        ctx.spawn_fn_call((FrameFn::Global(Arc::as_ptr(f)), args, Vec::new()), name);
                                    self.push(Value::Task(task));
                                    ip += 1; // the `Call(1)` of spawn
                                    return Ok(Step::Next(ip));
                                }
                            }
                            Some(site) => {
                                if self.spawn_into_group(f, n, site, proto, base, name) {
                                    ip += 1; // the `CallMethod` of `tg.spawn`
                                    return Ok(Step::Next(ip));
                                }
                            }
                        }
                    }
                }
                // The general way: `g` called here (a coroutine) and spawned by
                // the following `Call(1)` (with `spawn` put under it) or `CallMethod`.
                let f = tri!(load_global(&closure.globals, slot as usize));
                let callee_at = self.fiber.stack.len() - n;
                self.fiber.stack.insert(callee_at, f);
                if method.is_none() {
                    let Some(spawn) = crate::builtins::native_index("spawn") else {
                        tri!(Err(Thrown::new("Error", "internal: no builtin spawn")))
                    };
                    self.fiber.stack.insert(callee_at, Value::Native(spawn));
                }
                if tri!(self.call(n, None)) {
                    return Ok(Step::Frames);
                }
            }
            Op::CallSite(i) => {
                self.save_ip(ip);
                let site = proto.call_sites[i as usize].clone();
                if tri!(self.call_site(&site)) {
                    return Ok(Step::Frames);
                }
            }
            Op::CallMethod(i) => {
                let site = &proto.method_sites[i as usize];
                // The hot loop has tried a struct method (`enter_struct_method`)...
                self.save_ip(ip);
                if &*site.name == "unwrap" && self.unwrap_in_place(site, proto, base) {
                    return Ok(Step::Next(ip));
                }
                if &*site.name == "append" && self.append_in_place(site, proto, base, &closure.globals) {
                    // A statement's `Pop` of the None result is skipped too.
                    if matches!(code.get(ip), Some(Op::Pop)) {
                        ip += 1;
                    } else {
                        self.push(Value::None);
                    }
                    return Ok(Step::Next(ip));
                }
                // ... and, before an `Await`, a ready channel operation.
                let place = site.place.map(|p| &proto.places[p as usize]);
                let argc = tri!(self.spread_args(&site.call));
                if tri!(self.call_method(site, argc, place)) {
                    return Ok(Step::Frames);
                }
            }
            Op::Return | Op::ReturnLocal(_) => {
                // The hot loop has tried the plain-frame fast path.
                if let Op::ReturnLocal(s) = op {
                    let v = self.fiber.stack[base + s as usize].clone();
                    self.push(v);
                }
                let v = self.pop();
                self.save_ip(ip);
                let v = tri!(self.check_return(closure, v));
                let done = self.return_from_frame(v)?;
                if self.fiber.frames.len() <= stop {
                    return Ok(Step::Exit(Flow::Return(done.unwrap_or_else(|| self.pop()))));
                }
                return Ok(Step::Frames);
            }
            Op::Await => {
                self.save_ip(ip);
                match tri!(self.await_top(|| crate::chan::after_recv(proto, ip))) {
                    AwaitStep::Ready => {}
                    AwaitStep::ReadySkip => {
                        let skip = crate::chan::recv_skip(proto, ip);
                        crate::chan::run_clears(&mut self.fiber.stack, proto, ip, skip, base);
                        ip += 1 + skip;
                    }
                    AwaitStep::Jump(target) => {
                        let skip = crate::chan::recv_skip(proto, ip);
                        crate::chan::run_clears(&mut self.fiber.stack, proto, ip, skip, base);
                        ip = target;
                    }
                    AwaitStep::Entered => return Ok(Step::Frames),
                    AwaitStep::Suspend => {
                        if stop != 0 {
                            tri!(Err(Thrown::new("Error", "cannot wait here: code called back from a builtin (such as `__str__` or a sort key) cannot await or suspend")));
                        }
                        // Run this instruction again when woken.
                        ip -= 1;
                        self.save_ip(ip);
                        return Ok(Step::Exit(Flow::Suspend));
                    }
                }
            }
            Op::DictItemsIter(target) => {
                // A dict's pairs as the loop goes; anything else: on to the
                // general `v.items()` at `target`.
                match self.pop() {
                    Value::Dict(dict) => {
                        self.push(Value::Iter(Box::new(crate::iter::IterState::Items { dict, idx: 0 })))
                    }
                    _ => ip = target as usize,
                }
                return Ok(Step::Next(ip));
            }
            Op::ForIter { slot, target } => {
                if let Value::Iter(state) = &mut self.fiber.stack[base + slot as usize] {
                    match state.next() {
                        Some(v) => {
                            self.push(v);
                            ip += 1; // skip ForUnwrap
                        }
                        None => ip = target as usize,
                    }
                    return Ok(Step::Next(ip));
                }
                self.save_ip(ip);
                match tri!(self.for_iter_slow(base + slot as usize)) {
                    super::iterate::IterStep::Item(v) => {
                        self.push(v);
                        ip += 1;
                    }
                    super::iterate::IterStep::Done => ip = target as usize,
                    super::iterate::IterStep::Called => {
                        // `__next__` runs in a new frame; its Optional
                        // lands on our stack for ForUnwrap.
                        if let Some(f) = self.fiber.frames.iter_mut().rev().nth(1) {
                            f.ip = ip;
                        }
                        return Ok(Step::Frames);
                    }
                }
            }
            Op::ForUnwrap(t) => {
                let v = self.pop();
                match v.into_some_inner() {
                    Ok(x) => self.push(x),
                    Err(Value::None) => ip = t as usize,
                    Err(other) => tri!(Err(Thrown::type_error(format!(
                        "__next__ must return an Optional (Some(x) or None), not {}",
                        other.type_name()
                    )))),
                }
            }
            Op::SelectReady { chans, pair, target } => {
                // `await select(…)` with a value ready: no future.
                let stack = &mut self.fiber.stack;
                let (hit, operands) = match chans {
                    0 => match stack.last() {
                        Some(Value::List(list)) => (crate::chan::ready_select(list), 1),
                        _ => (None, 1),
                    },
                    n => {
                        let n = n as usize;
                        let from = stack.len().saturating_sub(n);
                        (crate::chan::ready_select(&stack[from..]), n)
                    }
                };
                if let Some((i, v)) = hit {
                    stack.truncate(stack.len().saturating_sub(operands));
                    crate::chan::push_select_result(stack, i, v, pair);
                    ip = target as usize;
                }
            }
            Op::SelectLocals(i) => {
                let site = &proto.select_sites[i as usize];
                if let ([slot], Some(task)) = (&site.slots[..], &self.task) {
                    let waker = || task.waker();
                    match crate::chan::select_one(&self.fiber.stack[base + *slot as usize], waker) {
                        crate::chan::OneSelect::Value(v) => {
                            crate::chan::push_select_result(&mut self.fiber.stack, 0, v, site.pair);
                            ip = site.target as usize;
                            return Ok(Step::Next(ip));
                        }
                        crate::chan::OneSelect::Wait(fut) => {
                            // Registered: suspend at the `Await`, which polls
                            // the future when woken (and raises a pending
                            // cancellation, or says it cannot wait in a callback).
                            let interrupted = task.interrupt_pending();
                            self.push(fut);
                            ip = site.await_at as usize;
                            if !interrupted && stop == 0 {
                                self.save_ip(ip);
                                return Ok(Step::Exit(Flow::Suspend));
                            }
                            return Ok(Step::Next(ip));
                        }
                        crate::chan::OneSelect::Ordinary => {}
                    }
                }
                let locals = &self.fiber.stack[base..];
                let hit = crate::chan::ready_select_of(site.slots.len(), |j| &locals[site.slots[j] as usize]);
                if let Some((k, v)) = hit {
                    crate::chan::push_select_result(&mut self.fiber.stack, k, v, site.pair);
                    ip = site.target as usize;
                } else if let Some(fut) = crate::chan::select_future_of(site.slots.iter().map(|&s| &locals[s as usize]))
                {
                    // None ready: straight to the `Await` with the future.
                    ip = site.await_at as usize;
                    self.push(fut);
                }
            }
            Op::JumpIfLendable { slot, target } => {
                if self.fiber.stack[base + slot as usize].is_lendable() {
                    ip = target as usize;
                }
            }
            Op::MatchUnwrapLocal { slot, variant, target } => {
                let inner = match (variant, &self.fiber.stack[base + slot as usize]) {
                    (Variant::Some, v) => v.some_inner(),
                    (Variant::Ok, Value::Ok(x)) | (Variant::Err, Value::Err(x)) => Some((**x).clone()),
                    _ => None,
                };
                match inner {
                    Some(x) => self.push(x),
                    None => ip = target as usize,
                }
            }
            Op::MatchUnwrap { variant, target } => {
                let stack = &mut self.fiber.stack;
                let Some(top) = stack.last_mut() else { return Ok(Step::Next(ip)) };
                match (variant, std::mem::take(top)) {
                    (Variant::Some, Value::SomeInt(i)) => *top = Value::Int(i),
                    (Variant::Some, Value::Some(x)) | (Variant::Ok, Value::Ok(x)) | (Variant::Err, Value::Err(x)) => {
                        *top = Arc::unwrap_or_clone(x);
                    }
                    (Variant::Some, Value::SomeFloat(f)) => *top = Value::Float(f),
                    (Variant::Some, Value::SomeBool(b)) => *top = Value::Bool(b),
                    (_, other) => {
                        drop(other);
                        stack.pop();
                        ip = target as usize;
                    }
                }
            }
            Op::TryUnwrap => {
                let v = self.pop();
                match v {
                    Value::Ok(x) => self.push(Arc::unwrap_or_clone(x)),
                    v if v.is_some() => self.push(v.into_some_inner().unwrap_or(Value::None)),
                    Value::Err(_) | Value::None => {
                        // Early return of the Err/None from this function.
                        self.save_ip(ip);
                        let done = self.return_from_frame(v)?;
                        if self.fiber.frames.len() <= stop {
                            return Ok(Step::Exit(Flow::Return(done.unwrap_or_else(|| self.pop()))));
                        }
                        return Ok(Step::Frames);
                    }
                    other => tri!(Err(Thrown::type_error(format!(
                        "`?` needs an Optional or a Result, got {}",
                        other.type_name()
                    )))),
                }
            }
            Op::SetupTry { target, finally } => self.setup_try(target, finally, self.fiber.stack.len()),
            Op::PopTry => self.pop_try(),
            _ => {
                tri!(self.exec_cold(op, closure, base, ip));
            }
        }
        Ok(Step::Next(ip))
    }

    /// The top `n` values as the arguments of a call a task or coroutine
    /// will make (inline for up to three).
    #[inline]
    pub(crate) fn pop_call_args(&mut self, n: usize) -> crate::task::CallArgs {
        self.pop_call_args_after(None, n)
    }

    /// The top `n` values as a call's positional arguments, after `first`
    /// when given (a method's receiver), moved off the stack bitwise.
    #[inline]
    pub(crate) fn pop_call_args_after(&mut self, first: Option<Value>, n: usize) -> crate::task::CallArgs {
        let len = self.fiber.stack.len();
        let at = len.saturating_sub(n);
        let n = len - at;
        let mut args = crate::task::CallArgs::with_capacity(n + usize::from(first.is_some()));
        let before = match first {
            Some(v) => {
                args.push(v);
                1
            }
            None => 0,
        };
        // SAFETY: the `n` values move bitwise into `args` after the `before`
        // already there (room for them was made above) and the stack
        // forgets them at once by shrinking to `at`.
        unsafe {
            std::ptr::copy_nonoverlapping(self.fiber.stack.as_ptr().add(at), args.as_mut_ptr().add(before), n);
            args.set_len(before + n);
            self.fiber.stack.set_len(at);
        }
        args
    }

    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let len = self.fiber.stack.len();
        self.fiber.stack.split_off(len.saturating_sub(n))
    }

    /// The top `n` values as a builtin's positional arguments (inline, no
    /// allocation, for up to four).
    pub(crate) fn pop_args(&mut self, n: usize) -> crate::builtins::PosArgs {
        let len = self.fiber.stack.len();
        self.fiber.stack.drain(len.saturating_sub(n)..).collect()
    }

    /// Pops the finished frame, applies its `FrameKind`, and pushes `v` for the
    /// caller. Returns `Some(v)` instead of pushing when that leaves `stop`.
    #[inline]
    pub(crate) fn return_from_frame(&mut self, v: Value) -> RtResult<Option<Value>> {
        let Some(frame) = self.fiber.frames.pop() else {
            return Ok(Some(v));
        };
        let callee_at = frame.ret_at;
        let result = match frame.kind {
            FrameKind::Normal => v,
            FrameKind::BorrowedSelf => {
                super::forget_slot(&mut self.fiber.stack, frame.base);
                v
            }
            FrameKind::Init => self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default(),
            FrameKind::Writeback(wb) => {
                let this = self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default();
                self.fiber.stack.truncate(callee_at);
                self.put_place(&wb.place, &wb.indices, this)?;
                self.push(v);
                return Ok(None);
            }
            FrameKind::WritebackLocal(at) => {
                let this = self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default();
                self.cut_stack(callee_at);
                if let Some(slot) = self.fiber.stack.get_mut(at) {
                    *slot = this;
                }
                v
            }
        };
        self.cut_stack(callee_at);
        self.push(result);
        Ok(None)
    }

    /// `stack.truncate(to)`, without an out-of-line drop call for the
    /// scalars that make up most of a returning frame.
    #[inline(always)]
    pub(crate) fn cut_stack(&mut self, to: usize) {
        let stack = &mut self.fiber.stack;
        while stack.len() > to {
            let last = stack.len() - 1;
            if matches!(stack[last], Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Unit) {
                // SAFETY: the element at `last` is initialised and needs no drop.
                unsafe { stack.set_len(last) };
            } else {
                drop(stack.pop());
            }
        }
    }

    /// `a op b` by the general rules (a struct's operator method runs in a
    /// nested loop, which needs the frame's `ip` saved).
    fn binary_values(&mut self, op: BinOp, a: Value, b: Value, ip: usize) -> RtResult<Value> {
        match &a {
            Value::Struct(_) => {
                self.save_ip(ip);
                self.struct_binary(op, a, b)
            }
            _ => ops::binary(op, &a, &b),
        }
    }

    pub(crate) fn compare_values(&mut self, op: CmpOp, a: &Value, b: &Value) -> RtResult<bool> {
        use std::cmp::Ordering::*;
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return super::run::int_cmp(op, *x, *y)
                .ok_or_else(|| Thrown::type_error("`in` needs a container on the right, got Int"));
        }
        Ok(match op {
            CmpOp::Eq => self.equal(a, b)?,
            CmpOp::NotEq => !self.equal(a, b)?,
            CmpOp::Lt => self.order(a, b, "<")? == Less,
            CmpOp::Gt => self.order(a, b, ">")? == Greater,
            CmpOp::LtEq => self.order(a, b, "<=")? != Greater,
            CmpOp::GtEq => self.order(a, b, ">=")? != Less,
            CmpOp::In => crate::builtins::methods::contains(b, a)?,
            CmpOp::NotIn => !crate::builtins::methods::contains(b, a)?,
        })
    }
}
