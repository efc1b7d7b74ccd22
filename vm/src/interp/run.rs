//! The hot loop: the instructions of call- and arithmetic-heavy code (locals,
//! Int arithmetic and comparisons, jumps, range iteration, ready channel
//! operations, calls of global functions and struct methods, returns) run
//! here, in a function small enough that its instruction pointer, code and
//! value stack (a `HotStack`, see hot_stack.rs) stay in registers. Every
//! other instruction, and the slow case of each one here (a non-Int
//! operand, an async callee, a frame that needs checks), is one out-of-line
//! call of `Vm::step` (exec.rs), which runs exactly that instruction.
//!
//! The frame's `ip` is written back before anything that can fail, switch
//! frames or suspend, so tracebacks and handlers see the right instruction;
//! the stack's length is handed back before any helper that uses the stack
//! and before every way out.

use super::call::type_matches;
use super::chan_fast::local_chan_op;
use super::hot_stack::HotStack;
use super::{pop_plain_frame, Flow, Frame, FrameFn, FrameKind, TryHandler, Vm, MAX_FRAMES};
use crate::bytecode::{Op, Place, PlaceRoot, PlaceStep, Variant};
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
            let mut ip = frame.ip;
            // The value stack, held in locals until the loop is left or a
            // helper that uses it is called (see hot_stack.rs).
            let mut hs = HotStack::of(&mut self.fiber.stack);

            // Runs `$e`, which uses the stack, with the stack handed back.
            macro_rules! out {
                ($e:expr) => {{
                    hs.give_back(&mut self.fiber.stack);
                    let r = $e;
                    hs = HotStack::of(&mut self.fiber.stack);
                    r
                }};
            }
            // Leaves the loop with the stack handed back.
            macro_rules! leave {
                ($e:expr) => {{
                    hs.give_back(&mut self.fiber.stack);
                    return $e;
                }};
            }
            macro_rules! reload_frames {
                () => {{
                    hs.give_back(&mut self.fiber.stack);
                    continue 'frames;
                }};
            }
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
                    let Some($frame) = self.fiber.frames.last() else { reload_frames!() };
                    // SAFETY: as for `closure` above.
                    closure = unsafe { &*($frame.closure.get() as *const Closure) };
                    proto = &closure.proto;
                    code = &proto.code[..];
                    base = $frame.base;
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
                            leave!(Ok(Flow::Yield));
                        }
                    }
                };
            }

            loop {
                let Some(&op) = code.get(ip) else {
                    self.save_ip(ip);
                    leave!(Err(Thrown::new("Error", "internal: instruction pointer out of range")));
                };
                ip += 1;
                match op {
                    Op::SmallInt(n) => {
                        hs.push_with(&mut self.fiber.stack, || Value::Int(n as i64));
                        continue;
                    }
                    // The implicit `return None` of every procedure.
                    Op::None => {
                        hs.push_with(&mut self.fiber.stack, || Value::None);
                        continue;
                    }
                    Op::Load(s) => {
                        // An Int is rebuilt field by field at its new slot: a
                        // whole-value copy of a slot written moments ago (an
                        // argument) would stall on store forwarding.
                        match hs.get(base + s as usize) {
                            Some(&Value::Int(i)) => hs.push_with(&mut self.fiber.stack, || Value::Int(i)),
                            Some(&Value::Float(f)) => hs.push_with(&mut self.fiber.stack, || Value::Float(f)),
                            Some(v) => {
                                let v = v.clone();
                                hs.push_with(&mut self.fiber.stack, || v);
                            }
                            None => hs.push_with(&mut self.fiber.stack, || Value::None),
                        }
                        continue;
                    }
                    Op::LoadAttr { slot, name } => {
                        // `local.field` of a struct whose type this site
                        // met before (else `step`, which notes it).
                        let cache = proto.name_caches.get(name as usize);
                        if let (Some(c), Some(obj)) = (cache, hs.get(base + slot as usize)) {
                            match c.field_of(obj) {
                                Some(&Value::Int(i)) => {
                                    hs.push_with(&mut self.fiber.stack, || Value::Int(i));
                                    continue;
                                }
                                Some(v) => {
                                    let v = v.clone();
                                    hs.push_with(&mut self.fiber.stack, || v);
                                    continue;
                                }
                                None => {}
                            }
                        }
                    }
                    Op::LoadPlace(p) => {
                        // `local.field` read as a place (`self.n += 1`): as
                        // `LoadAttr`, through the step's cache.
                        if let Some(v) = proto.places.get(p as usize).and_then(|pl| local_field(&hs, base, pl)) {
                            let v = v.clone();
                            hs.push_with(&mut self.fiber.stack, || v);
                            continue;
                        }
                    }
                    Op::StorePlace(p) => {
                        // `local.field = v` on a struct only that local holds
                        // (a `mut self`): set in place, as `Arc::make_mut`
                        // would. A shared struct is copied first: `step`.
                        if let Some(Place { root: PlaceRoot::Local(s), steps, .. }) = proto.places.get(p as usize) {
                            if let [PlaceStep::Field(_, cache)] = &steps[..] {
                                let stored = hs.store_top_within(base + *s as usize, |v| match v {
                                    Value::Struct(obj) => {
                                        let i = cache.get(obj.ty.id)?;
                                        Arc::get_mut(obj)?.fields.get_mut(i)
                                    }
                                    _ => None,
                                });
                                if stored {
                                    continue;
                                }
                            }
                        }
                    }
                    Op::GetAttr(name) => {
                        // The field replaces the struct on top, as above.
                        let at = hs.len().wrapping_sub(1);
                        let cache = proto.name_caches.get(name as usize);
                        if let Some(v) = cache.zip(hs.get(at)).and_then(|(c, obj)| c.field_of(obj)) {
                            let v = v.clone();
                            if let Some(top) = hs.get_mut(at) {
                                *top = v;
                            }
                            continue;
                        }
                    }
                    Op::Store(s) => {
                        // The top moves into the slot; the slot's old value is dropped.
                        if hs.store_top(base + s as usize) {
                            continue;
                        }
                    }
                    Op::Pop => {
                        hs.drop_top();
                        continue;
                    }
                    Op::Call(n) => {
                        // A builtin's fast case, a struct from its fields (quick.rs).
                        if out!(self.call_in_place(n as usize)) {
                            continue;
                        }
                    }
                    Op::Index => {
                        if out!(self.index_in_place()) {
                            continue;
                        }
                    }
                    Op::IndexLocal(s) => {
                        if out!(self.index_local_in_place(base + s as usize)) {
                            continue;
                        }
                    }
                    Op::ListPushLocal(s) => {
                        if hs.pop_onto_list(base + s as usize) {
                            continue;
                        }
                    }
                    Op::Binary(bop) => match hs.top_n(2) {
                        [Value::Int(x), Value::Int(y)] => {
                            if let Some(r) = int_fast(bop, *x, *y) {
                                hs.fold_top_two(Value::Int(r));
                                continue;
                            }
                        }
                        [a @ (Value::Int(_) | Value::Float(_)), b @ (Value::Int(_) | Value::Float(_))] => {
                            if let Some(r) = float_fast(bop, a, b) {
                                hs.fold_top_two(Value::Float(r));
                                continue;
                            }
                        }
                        _ => {}
                    },
                    Op::Const(i) => {
                        if let Some(v) = proto.consts.get(i as usize) {
                            let v = v.clone();
                            hs.push_with(&mut self.fiber.stack, || v);
                            continue;
                        }
                    }
                    Op::Take(s) => {
                        // A value moved out of its slot, None left (a hidden
                        // temporary, or a local at its last read).
                        if hs.take_slot(&mut self.fiber.stack, base + s as usize) {
                            continue;
                        }
                    }
                    Op::Unpack(n) => {
                        // A tuple or list of exactly `n` items (else `step`,
                        // which also reports the wrong count).
                        if out!(self.unpack_in_place(n as usize)) {
                            continue;
                        }
                    }
                    Op::BinaryLocalConst { slot, op: bop, k } => {
                        if let Some(&Value::Int(x)) = hs.get(base + slot as usize) {
                            if let Some(r) = int_fast(bop, x, k as i64) {
                                hs.push_with(&mut self.fiber.stack, || Value::Int(r));
                                continue;
                            }
                        }
                    }
                    Op::CompareLocalConst { slot, op: cop, k } => {
                        if let Some(&Value::Int(x)) = hs.get(base + slot as usize) {
                            if let Some(r) = int_cmp(cop, x, k as i64) {
                                hs.push_with(&mut self.fiber.stack, || Value::Bool(r));
                                continue;
                            }
                        }
                    }
                    Op::Compare(cop) => {
                        if let [Value::Int(x), Value::Int(y)] = hs.top_n(2) {
                            if let Some(r) = int_cmp(cop, *x, *y) {
                                hs.fold_top_two(Value::Bool(r));
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
                        if let [Value::Bool(b)] = hs.top_n(1) {
                            if !*b {
                                ip = t as usize;
                            }
                            hs.drop_top();
                            continue;
                        }
                    }
                    Op::CmpJump(i) => {
                        if let Some(c) = proto.cmp_jumps.get(i as usize) {
                            if let Some(&Value::Int(x)) = hs.get(base + c.slot as usize) {
                                if let Some(r) = int_cmp(c.op, x, c.k as i64) {
                                    if !r {
                                        ip = c.target as usize;
                                    }
                                    continue;
                                }
                            }
                        }
                    }
                    Op::CallGlobal { slot, argc } => {
                        if let Some(Value::Func(f)) = closure.globals.frozen_ref(slot as usize) {
                            let n = argc as usize;
                            if !f.entry().is_async && n <= hs.len() && self.plain_entry(f, hs.top_n(n)) {
                                self.save_ip(ip);
                                let callee_at = hs.len() - n;
                                let nslots = usize::from(f.entry().nslots);
                                while hs.len() < callee_at + nslots {
                                    hs.push_with(&mut self.fiber.stack, || Value::None);
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
                                ip = 0;
                                continue;
                            }
                        }
                    }
                    Op::CallMethod(i) => {
                        let Some(site) = proto.method_sites.get(i as usize) else { leave!(Err(bad_site())) };
                        // The frame's `self` type (read here, not kept in a
                        // register of the loop: see ARCHITECTURE.md).
                        let self_ty = self.fiber.frames.last().map_or(0, |f| f.self_ty);
                        if site.local == Some(0) && self_ty != 0 {
                            self.save_ip(ip);
                            if let Some((callee, at)) =
                                self.enter_self_method(&mut hs, site, base, self_ty, &closure.globals)
                            {
                                spend_call!();
                                // SAFETY: a pinned type's method, borrowed
                                // from its global (`FrameFn::Global`).
                                closure = unsafe { &*callee };
                                proto = &closure.proto;
                                code = &proto.code[..];
                                base = at;
                                ip = 0;
                                continue;
                            }
                        }
                        if site.appends_to_local {
                            // `xs.append(v)` on a list only the local holds.
                            if let Some(slot) = site.local {
                                if hs.append_top_to_list(base + slot as usize) {
                                    continue;
                                }
                            }
                        }
                        if let Some(shape) = site.await_shape {
                            // `await ch.recv()` / `await ch.send(v)` that completes
                            // at once (chan_fast.rs; `ip` is at the `Await`).
                            let place = site.place.and_then(|p| proto.places.get(p as usize));
                            if let Some(Place { root: PlaceRoot::Local(s), steps, .. }) = place {
                                let root = base + *s as usize;
                                let (stack, steps) = (&mut self.fiber.stack, &steps[..]);
                                if let Some(next) = local_chan_op(&mut hs, stack, shape, code, base, root, steps, ip) {
                                    ip = next;
                                    continue;
                                }
                            }
                        }
                        self.save_ip(ip);
                        let entered = self.enter_struct_method(&mut hs, site, base, self_ty, &closure.globals);
                        if let Some((callee, callee_at, _)) = entered {
                            spend_call!();
                            // SAFETY: the new frame holds the method's closure
                            // (or borrows it from a pinned type: `FrameFn::Global`).
                            closure = unsafe { &*callee };
                            proto = &closure.proto;
                            code = &proto.code[..];
                            base = callee_at;
                            ip = 0;
                            continue;
                        }
                        if site.local.is_some() {
                            // `c.add(x)`: a `mut self` method of the struct in a
                            // local, entered with `self` moved out and back;
                            // `spawn(obj.m(x))` of an async method: the task
                            // made from the call (methods.rs), out of line but
                            // without `step`.
                            match out!(self.local_method_quick(site, proto)) {
                                Ok(super::methods::QUICK_ENTERED) => {
                                    spend_call!();
                                    load_top!(at 0);
                                    continue;
                                }
                                Ok(super::methods::QUICK_SPAWNED) => {
                                    ip += 1; // the `Call(1)` of `spawn`
                                    continue;
                                }
                                Ok(_) => {}
                                Err(e) => leave!(Err(e)),
                            }
                        }
                        if matches!(code.get(ip), Some(Op::Await)) {
                            // `await ch.send(v)` / `await ch.recv()` that can
                            // complete now: no future, no suspension.
                            let place = site.place.and_then(|p| proto.places.get(p as usize));
                            match out!(self.ready_channel_op(site, place, proto, ip)) {
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
                                    leave!(Ok(Flow::Suspend));
                                }
                                Ok(ChanStep::Suspend) => continue,
                                Ok(ChanStep::Ordinary) => {}
                                Err(e) => leave!(Err(e)),
                            }
                        }
                    }
                    Op::ForIter { slot, target } => {
                        // A range, a list or a tuple, or the pairs of `enumerate`
                        // and `items` (other iterators: `step`).
                        if let Some(Value::Iter(state)) = hs.get_mut(base + slot as usize) {
                            match state.next_of_range() {
                                Some(Some(v)) => {
                                    hs.push_with(&mut self.fiber.stack, || Value::Int(v));
                                    ip += 1; // skip ForUnwrap
                                    continue;
                                }
                                Some(None) => {
                                    ip = target as usize;
                                    continue;
                                }
                                None => match state.next_of_seq() {
                                    Some(Some(v)) => {
                                        hs.push_with(&mut self.fiber.stack, || v);
                                        ip += 1;
                                        continue;
                                    }
                                    Some(None) => {
                                        ip = target as usize;
                                        continue;
                                    }
                                    None => {}
                                },
                            }
                        }
                        // `enumerate` / `items` (quick.rs): a pair target's
                        // two values straight onto the stack, no tuple made.
                        let unpack = matches!(code.get(ip + 1), Some(Op::Unpack(2)));
                        match out!(self.next_pair_in_place(base + slot as usize, unpack)) {
                            Some(true) => {
                                ip += if unpack { 2 } else { 1 };
                                continue;
                            }
                            Some(false) => {
                                ip = target as usize;
                                continue;
                            }
                            None => {}
                        }
                    }
                    Op::MatchUnwrap { variant: Variant::Some, target } => {
                        // The Int of a received `Some` (the general case: `step`).
                        match hs.top_n(1) {
                            [Value::SomeInt(i)] => {
                                let (i, at) = (*i, hs.len() - 1);
                                hs.overwrite_scalar(at, Value::Int(i));
                                continue;
                            }
                            [Value::None] => {
                                hs.drop_top();
                                ip = target as usize;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    Op::SelectLocals(i) => {
                        // `await select([ch])` over one local channel whose
                        // buffer holds a value: `(0, v)` as the match's two
                        // items, with no future (everything else: `step`).
                        if let Some(site) = proto.select_sites.get(i as usize).filter(|s| s.pair) {
                            if let [slot] = site.slots[..] {
                                let got = match hs.get(base + slot as usize) {
                                    Some(Value::Channel(ch)) => ch.chan.try_take_buffered(),
                                    _ => None,
                                };
                                if let Some(v) = got {
                                    hs.push_with(&mut self.fiber.stack, || Value::Int(0));
                                    hs.push_with(&mut self.fiber.stack, || v);
                                    ip = site.target as usize;
                                    continue;
                                }
                            }
                        }
                    }
                    Op::Await => {
                        // A task that finished with a value: the value
                        // replaces it (the general case: `step`).
                        if self.task.is_some() {
                            if let Some(v) = hs.top_n(1).first().and_then(done_task_value) {
                                let at = hs.len() - 1;
                                if let Some(top) = hs.get_mut(at) {
                                    *top = v;
                                }
                                continue;
                            }
                        }
                    }
                    // A `try` inside a loop enters and leaves once per pass.
                    // (Out of line: inline, they cost the hot arms registers.)
                    Op::SetupTry { target, finally } => {
                        self.setup_try(target, finally, hs.len());
                        continue;
                    }
                    Op::PopTry => {
                        self.pop_try();
                        continue;
                    }
                    Op::JumpIfLendable { slot, target } => {
                        if let Some(v) = hs.get(base + slot as usize) {
                            if v.is_lendable() {
                                ip = target as usize;
                            }
                            continue;
                        }
                    }
                    Op::CheckArg(i) => {
                        // An inlined call's argument passes its annotation
                        // (the error: `step`).
                        if let Some(a) = proto.arg_checks.get(i as usize) {
                            if hs.get(base + a.slot as usize).is_some_and(|v| type_matches(&a.check, v)) {
                                continue;
                            }
                        }
                    }
                    Op::CheckResult { check, is_async, .. } => {
                        // An inlined call's result passes its annotation (the
                        // error: `step`).
                        if let (Some(check), [v]) = (proto.type_checks.get(check as usize), hs.top_n(1)) {
                            if type_matches(check, v) || (is_async && matches!(v, Value::None)) {
                                continue;
                            }
                        }
                    }
                    Op::ReturnLocal(s) => {
                        // `Load` then `Return` (the general case: `step`).
                        if let Some(&Value::Int(i)) = hs.get(base + s as usize) {
                            hs.push_with(&mut self.fiber.stack, || Value::Int(i));
                            if self.return_plain(&mut hs, proto, stop) {
                                load_top!();
                                continue;
                            }
                            hs.drop_top();
                        }
                    }
                    Op::Return => {
                        if self.return_plain(&mut hs, proto, stop) {
                            // Back in the caller (there is one: `return_plain`
                            // leaves frames above `stop`), with no budget spent.
                            load_top!();
                            continue;
                        }
                    }
                    _ => {}
                }
                match out!(self.step(op, ip, closure, base, stop)) {
                    Ok(Step::Next(next)) => {
                        // The frame locals are read again rather than kept
                        // across the call (which would cost registers the
                        // hot instructions need).
                        load_top!(at next);
                    }
                    Ok(Step::Frames) => reload_frames!(),
                    Ok(Step::Exit(flow)) => leave!(Ok(flow)),
                    Err(e) => leave!(Err(e)),
                }
            }
        }
    }

    /// `SetupTry`: a handler for the running frame, cutting the stack back
    /// to `sp` when it catches.
    #[inline(never)]
    pub(crate) fn setup_try(&mut self, target: u32, finally: bool, sp: usize) {
        let frame_len = self.fiber.frames.len();
        self.fiber.handlers.push(TryHandler { frame_len, target, sp, finally });
    }

    #[inline(never)]
    pub(crate) fn pop_try(&mut self) {
        self.fiber.handlers.pop();
    }

    /// `Return`'s fast path: a plain frame returning a value its annotation
    /// accepts, to a frame above `stop`. The value moves to the frame's
    /// `ret_at` without leaving the stack. False touches nothing.
    #[inline(always)]
    fn return_plain(&mut self, hs: &mut HotStack, proto: &crate::bytecode::FuncProto, stop: usize) -> bool {
        let frames = &mut self.fiber.frames;
        let (
            Some(Frame {
                kind: kind @ (FrameKind::Normal | FrameKind::BorrowedSelf | FrameKind::WritebackLocal(_)),
                ret_at,
                base,
                ..
            }),
            [v],
        ) = (frames.last(), hs.top_n(1))
        else {
            return false;
        };
        let ret_ok = (proto.ret_int && matches!(v, Value::Int(_)))
            || match &proto.ret_type {
                None => true,
                Some(check) => type_matches(check, v),
            };
        if !ret_ok || frames.len() <= stop + 1 {
            return false;
        }
        let ret_at = *ret_at;
        let lent = matches!(kind, FrameKind::BorrowedSelf).then_some(*base);
        // A `mut self` method's `self` goes back to the caller's local (whose
        // slot holds None meanwhile), before the frame's slots are cut.
        let back = match kind {
            FrameKind::WritebackLocal(at) => Some((*at, *base)),
            _ => None,
        };
        // Drops the frame's closure: the caller's `closure` is not used again.
        pop_plain_frame(frames);
        if let Some(at) = lent {
            hs.forget(at);
        }
        if let Some((at, this)) = back {
            hs.swap(at, this);
        }
        let top = hs.len() - 1;
        if top != ret_at {
            if let [Value::Int(i)] = hs.top_n(1) {
                let i = *i;
                hs.cut(ret_at);
                hs.push_with(&mut self.fiber.stack, || Value::Int(i));
            } else {
                hs.swap(ret_at, top);
                hs.cut(ret_at + 1);
            }
        }
        true
    }

    /// Can a call of `callee` with the positional arguments `args` skip
    /// `enter_at`? Yes when it binds them one to one
    /// (no `*args`, no captures, no recursion limit reached) and every
    /// annotated parameter accepts its argument. Otherwise `enter_at`
    /// binds, checks and reports.
    #[inline(always)]
    pub(crate) fn plain_entry(&self, callee: &Closure, args: &[Value]) -> bool {
        let entry = callee.entry();
        if entry.simple {
            return args.len() == usize::from(entry.nparams)
                && self.fiber.frames.len() < MAX_FRAMES
                && entry.ints_hold(0, args);
        }
        let proto = &callee.proto;
        if proto.has_star
            || args.len() != proto.params.len()
            || !proto.capture_slots.is_empty()
            || self.fiber.frames.len() >= MAX_FRAMES
        {
            return false;
        }
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

/// A method site index out of range (never, in compiled code).
#[cold]
fn bad_site() -> Thrown {
    Thrown::new("Error", "internal: method site out of range")
}

/// `x op y` on Ints for the operators with a fast path (None: take the
/// general path, which also reports overflow).
#[inline(always)]
pub(crate) fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        _ => int_divmod(op, x, y),
    }
}

/// `x // y` and `x % y` on Ints (Python's: the sign of the divisor), out of
/// line so `int_fast` stays three compares; division by zero and overflow
/// take the general path, which raises.
#[inline(never)]
fn int_divmod(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::FloorDiv if y != 0 => crate::ops::floor_div_int(x, y).ok(),
        BinOp::Mod if y != 0 => crate::ops::mod_int(x, y).ok(),
        _ => None,
    }
}

/// `a op b` when one is a Float and the other a Float or an Int, for the
/// operators whose Float result needs no check (None: the general path,
/// which also divides and raises).
#[inline(always)]
fn float_fast(op: BinOp, a: &Value, b: &Value) -> Option<f64> {
    let (x, y) = match (a, b) {
        (Value::Float(x), Value::Float(y)) => (*x, *y),
        (Value::Float(x), Value::Int(y)) => (*x, *y as f64),
        (Value::Int(x), Value::Float(y)) => (*x as f64, *y),
        _ => return None,
    };
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::Div if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// The value of `v` when it is a task that finished with one (out of line:
/// it takes the task's lock).
#[inline(never)]
fn done_task_value(v: &Value) -> Option<Value> {
    match v {
        Value::Task(t) => t.value_if_done(),
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

/// The field a place `local.field` names, when the local holds a struct of
/// the type its step's cache has seen.
#[inline(always)]
fn local_field<'a>(hs: &'a HotStack, base: usize, place: &Place) -> Option<&'a Value> {
    let (PlaceRoot::Local(s), [PlaceStep::Field(_, cache)]) = (place.root, &place.steps[..]) else { return None };
    cache.field_of(hs.get(base + s as usize)?)
}
