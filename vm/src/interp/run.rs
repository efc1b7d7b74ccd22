//! The hot loop: the instructions of call- and arithmetic-heavy code (locals,
//! Int arithmetic and comparisons, jumps, calls of global functions and
//! struct methods, returns) run here, in a function small enough that its
//! instruction pointer, code and frame base stay in registers. Every other
//! instruction, and the slow case of each one here (a non-Int operand, an
//! async callee, a frame that needs checks), is one out-of-line call of
//! `Vm::step` (exec.rs), which runs exactly that instruction.
//!
//! The frame's `ip` is written back before anything that can fail, switch
//! frames or suspend, so tracebacks and handlers see the right instruction.

use super::call::type_matches;
use super::{pop_plain_frame, Flow, Frame, FrameFn, FrameKind, Vm, MAX_FRAMES};
use crate::bytecode::{Op, Variant};
use crate::chan::ChanStep;
use crate::error::{RtResult, Thrown};
use crate::value::{Closure, Value};
use parser::ast::{BinOp, CmpOp};
use std::sync::Arc;

/// How `Vm::step` left the instruction it ran.
pub(crate) enum Step {
    /// Go on in this frame at the given instruction.
    Next(usize),
    /// The top frame changed (a call entered, a frame returned): reload it.
    Frames,
    /// Leave `run_frames` with this.
    Exit(Flow),
}

impl Vm {
    /// Runs frames until the frame count drops to `stop` (returning the
    /// value of the frame that returned), the task must wait or yield, or an
    /// error is raised (returned with the frame's `ip` saved, for `unwind`).
    pub(crate) fn run_frames(&mut self, stop: usize) -> RtResult<Flow> {
        'frames: loop {
            let Some(frame) = self.fiber.frames.last() else {
                return Ok(Flow::Return(Value::None));
            };
            if stop == 0 {
                self.budget -= 1;
                if self.budget <= 0 {
                    return Ok(Flow::Yield);
                }
            }
            // SAFETY: the frame owns this Arc (or borrows it from a frozen
            // global), and the frame is not popped while this iteration of
            // 'frames runs its instructions: every path that pops it (Return,
            // `?`, an unwind) leaves the loop right after (`continue 'frames`
            // or a return) without touching `closure`. Vec reallocation moves
            // the Frame, not the closure's heap allocation.
            let mut closure: &Closure = unsafe { &*(frame.closure.get() as *const Closure) };
            let mut proto = &closure.proto;
            let mut code = &proto.code[..];
            let mut base = frame.base;
            let mut self_ty = frame.self_ty;
            let mut ip = frame.ip;

            // Switches the loop's locals to the top frame (after a call or
            // return that pushed or popped one).
            // `load_top!(at i)`: at instruction `i` rather than the frame's `ip`.
            macro_rules! load_top {
                () => {
                    load_top!(at frame => frame.ip)
                };
                (at $ip:expr) => {
                    load_top!(at _frame => $ip)
                };
                (at $frame:ident => $ip:expr) => {
                    let Some($frame) = self.fiber.frames.last() else { continue 'frames };
                    // SAFETY: as for `closure` above.
                    closure = unsafe { &*($frame.closure.get() as *const Closure) };
                    proto = &closure.proto;
                    code = &proto.code[..];
                    base = $frame.base;
                    self_ty = $frame.self_ty;
                    ip = $ip;
                };
            }
            // A call spends one unit of the time slice (the callee's frame is
            // pushed, so the task resumes in it).
            macro_rules! spend_call {
                () => {
                    if stop == 0 {
                        self.budget -= 1;
                        if self.budget <= 0 {
                            return Ok(Flow::Yield);
                        }
                    }
                };
            }

            loop {
                let Some(&op) = code.get(ip) else {
                    self.save_ip(ip);
                    return Err(Thrown::new("Error", "internal: instruction pointer out of range"));
                };
                ip += 1;
                match op {
                    Op::SmallInt(n) => {
                        self.push_int(n as i64);
                        continue;
                    }
                    Op::Load(s) => {
                        let v = &self.fiber.stack[base + s as usize];
                        // An Int is rebuilt field by field at its new slot: a
                        // whole-value copy of a slot written moments ago (an
                        // argument) would stall on store forwarding.
                        if let Value::Int(i) = *v {
                            self.push_int(i);
                        } else {
                            let v = v.clone();
                            self.push(v);
                        }
                        continue;
                    }
                    Op::Store(s) => {
                        // The top moves into the slot; the slot's old value is dropped.
                        let old = self.fiber.stack.swap_remove(base + s as usize);
                        drop(old);
                        continue;
                    }
                    Op::Pop => {
                        self.pop();
                        continue;
                    }
                    Op::Binary(bop) => {
                        let stack = &mut self.fiber.stack;
                        if let [.., Value::Int(x), Value::Int(y)] = &mut stack[..] {
                            if let Some(r) = int_fast(bop, *x, *y) {
                                *x = r;
                                let n = stack.len();
                                // SAFETY: the top is an Int, which needs no drop.
                                unsafe { stack.set_len(n - 1) };
                                continue;
                            }
                        }
                    }
                    Op::BinaryLocalConst { slot, op: bop, k } => {
                        if let Value::Int(x) = self.fiber.stack[base + slot as usize] {
                            if let Some(r) = int_fast(bop, x, k as i64) {
                                self.push_int(r);
                                continue;
                            }
                        }
                    }
                    Op::CompareLocalConst { slot, op: cop, k } => {
                        if let Value::Int(x) = self.fiber.stack[base + slot as usize] {
                            if let Some(r) = int_cmp(cop, x, k as i64) {
                                self.push(Value::Bool(r));
                                continue;
                            }
                        }
                    }
                    Op::Compare(cop) => {
                        let stack = &mut self.fiber.stack;
                        if let [.., Value::Int(x), Value::Int(y)] = &stack[..] {
                            if let Some(r) = int_cmp(cop, *x, *y) {
                                let n = stack.len();
                                stack.truncate(n - 1);
                                stack[n - 2] = Value::Bool(r);
                                continue;
                            }
                        }
                    }
                    Op::Jump(t) => {
                        // A backward jump spends budget (the slow step yields
                        // when it runs out).
                        if (t as usize) >= ip || stop != 0 || self.budget > 1 {
                            if (t as usize) < ip && stop == 0 {
                                self.budget -= 1;
                            }
                            ip = t as usize;
                            continue;
                        }
                    }
                    Op::JumpIfFalse(t) => {
                        if let Some(Value::Bool(b)) = self.fiber.stack.last() {
                            if !*b {
                                ip = t as usize;
                            }
                            self.pop();
                            continue;
                        }
                    }
                    Op::CmpJump(i) => {
                        let c = proto.cmp_jumps[i as usize];
                        if let Value::Int(x) = self.fiber.stack[base + c.slot as usize] {
                            if let Some(r) = int_cmp(c.op, x, c.k as i64) {
                                if !r {
                                    ip = c.target as usize;
                                }
                                continue;
                            }
                        }
                    }
                    Op::CallGlobal { slot, argc } => {
                        if let Some(Value::Func(f)) = closure.globals.frozen_ref(slot as usize) {
                            let n = argc as usize;
                            let callee_at = self.fiber.stack.len() - n;
                            if !f.proto.is_async && self.plain_entry(f, n, callee_at) {
                                self.save_ip(ip);
                                let nslots = f.proto.nslots as usize;
                                if nslots > n {
                                    self.fiber.stack.resize(callee_at + nslots, Value::None);
                                }
                                let callee = FrameFn::Global(Arc::as_ptr(f));
                                self.push_frame(callee, callee_at, callee_at, FrameKind::Normal);
                                spend_call!();
                                // SAFETY: as for `closure` above (a frozen global's
                                // closure outlives every frame: `FrameFn::Global`).
                                closure = unsafe { &*Arc::as_ptr(f) };
                                proto = &closure.proto;
                                code = &proto.code[..];
                                base = callee_at;
                                self_ty = 0;
                                ip = 0;
                                continue;
                            }
                        }
                    }
                    Op::CallMethod(i) => {
                        let site = &proto.method_sites[i as usize];
                        self.save_ip(ip);
                        if let Some((callee, callee_at, callee_ty)) =
                            self.enter_struct_method(site, base, self_ty, &closure.globals)
                        {
                            spend_call!();
                            // SAFETY: the new frame holds the method's closure
                            // (or borrows it from a pinned type: `FrameFn::Global`).
                            closure = unsafe { &*callee };
                            proto = &closure.proto;
                            code = &proto.code[..];
                            base = callee_at;
                            self_ty = callee_ty;
                            ip = 0;
                            continue;
                        }
                        if matches!(code.get(ip), Some(Op::Await)) {
                            // `await ch.send(v)` / `await ch.recv()` that can
                            // complete now: no future, no suspension.
                            let place = site.place.map(|p| &proto.places[p as usize]);
                            match self.ready_channel_op(site, place, proto, ip) {
                                Ok(ChanStep::Continue(next)) => {
                                    ip = next;
                                    continue;
                                }
                                // Parked at the `Await` (which polls the receive
                                // when woken). Not from a callback (`stop` > 0):
                                // there the `Await` runs and reports that it
                                // cannot wait.
                                Ok(ChanStep::Suspend) if stop == 0 => {
                                    self.save_ip(ip);
                                    return Ok(Flow::Suspend);
                                }
                                Ok(ChanStep::Suspend) => continue,
                                Ok(ChanStep::Ordinary) => {}
                                Err(e) => return Err(e),
                            }
                        }
                    }
                    Op::ForIter { slot, target } => {
                        // A range (other iterators: `step`).
                        if let Value::Iter(state) = &mut self.fiber.stack[base + slot as usize] {
                            match state.next_of_range() {
                                Some(Some(v)) => {
                                    self.push_int(v);
                                    ip += 1; // skip ForUnwrap
                                    continue;
                                }
                                Some(None) => {
                                    ip = target as usize;
                                    continue;
                                }
                                None => {}
                            }
                        }
                    }
                    Op::MatchUnwrap { variant: Variant::Some, target } => {
                        // The Int of a received `Some` (the general case: `step`).
                        if let Some(top) = self.fiber.stack.last_mut() {
                            if let Value::SomeInt(i) = *top {
                                *top = Value::Int(i);
                                continue;
                            }
                            if matches!(top, Value::None) {
                                self.pop();
                                ip = target as usize;
                                continue;
                            }
                        }
                    }
                    Op::Return => {
                        if self.return_plain(proto, stop) {
                            // Back in the caller (there is one: `return_plain`
                            // leaves frames above `stop`), with no budget spent.
                            load_top!();
                            continue;
                        }
                    }
                    _ => {}
                }
                match self.step(op, ip, closure, base, stop) {
                    Ok(Step::Next(next)) => {
                        // The frame locals are read again rather than kept
                        // across the call (which would cost registers the
                        // hot instructions need).
                        load_top!(at next);
                    }
                    Ok(Step::Frames) => continue 'frames,
                    Ok(Step::Exit(flow)) => return Ok(flow),
                    Err(e) => return Err(e),
                }
            }
        }
    }

    /// `Return`'s fast path: a plain frame returning a value its annotation
    /// accepts, to a frame above `stop`. The value moves to the frame's
    /// `ret_at` without leaving the stack. False touches nothing.
    #[inline(always)]
    fn return_plain(&mut self, proto: &crate::bytecode::FuncProto, stop: usize) -> bool {
        let frames = &mut self.fiber.frames;
        let stack = &mut self.fiber.stack;
        let (Some(Frame { kind: kind @ (FrameKind::Normal | FrameKind::BorrowedSelf), ret_at, base, .. }), Some(v)) =
            (frames.last(), stack.last())
        else {
            return false;
        };
        let ret_ok = match &proto.ret_type {
            None => true,
            Some(check) => type_matches(check, v),
        };
        if !ret_ok || frames.len() <= stop + 1 {
            return false;
        }
        let ret_at = *ret_at;
        let lent = matches!(kind, FrameKind::BorrowedSelf).then_some(*base);
        // Drops the frame's closure: the caller's `closure` is not used again.
        pop_plain_frame(frames);
        if let Some(at) = lent {
            super::forget_slot(stack, at);
        }
        let top = stack.len() - 1;
        if top != ret_at {
            if let Value::Int(i) = stack[top] {
                // SAFETY: the top is an Int, which needs no drop.
                unsafe { stack.set_len(top) };
                self.cut_stack(ret_at);
                self.push_int(i);
            } else {
                stack.swap(ret_at, top);
                self.cut_stack(ret_at + 1);
            }
        }
        true
    }

    /// Can a call of `callee` with `argc` positional arguments at
    /// `stack[args_at..]` skip `enter_at`? Yes when it binds them one to one
    /// (no `*args`, no captures, no recursion limit reached) and every
    /// annotated parameter accepts its argument. Otherwise `enter_at`
    /// binds, checks and reports.
    #[inline(always)]
    pub(crate) fn plain_entry(&self, callee: &Closure, argc: usize, args_at: usize) -> bool {
        let proto = &callee.proto;
        if proto.has_star
            || argc != proto.params.len()
            || !proto.capture_slots.is_empty()
            || self.fiber.frames.len() >= MAX_FRAMES
        {
            return false;
        }
        let args = &self.fiber.stack[args_at..];
        for (check, v) in proto.param_types.iter().zip(args) {
            if let Some(check) = check {
                if !type_matches(check, v) {
                    return false;
                }
            }
        }
        true
    }
}

/// `x op y` on Ints for the operators with a fast path (None: take the
/// general path, which also reports overflow).
#[inline(always)]
pub(crate) fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        _ => None,
    }
}

/// An Int comparison (None for `in`/`not in`).
#[inline(always)]
pub(crate) fn int_cmp(op: CmpOp, x: i64, y: i64) -> Option<bool> {
    Some(match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::Gt => x > y,
        CmpOp::LtEq => x <= y,
        CmpOp::GtEq => x >= y,
        CmpOp::In | CmpOp::NotIn => return None,
    })
}
