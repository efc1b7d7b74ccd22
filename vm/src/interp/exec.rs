//! The dispatch loop: one `match` over `Op`. Simple instructions are inline;
//! the rest call helpers in `call.rs`, `place.rs` and `crate::ops`. The
//! frame's `ip` is written back before anything that can fail or switch
//! frames, so tracebacks and handlers see the right instruction.

use super::r#await::AwaitStep;
use super::{Flow, FrameKind, TryHandler, Vm};
use crate::bytecode::{Op, PatternTest};
use crate::error::{RtResult, Thrown};
use crate::ops;
use crate::value::{Closure, HashKey, RangeObj, Value};
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
            // SAFETY: the frame owns this Arc, and the frame is not popped while
            // this iteration of 'frames runs its instructions: every path that
            // pops it (Return, `?`, an unwind) leaves the loop right after
            // (`continue 'frames` or a return) without touching `closure`.
            // Vec reallocation moves the Frame, not the Arc's heap allocation.
            let closure: &Closure = unsafe { &*(frame.closure.get() as *const Closure) };
            let proto = &closure.proto;
            let code = &proto.code[..];
            let base = frame.base;
            let mut ip = frame.ip;

            macro_rules! save_ip {
                () => {
                    if let Some(f) = self.fiber.frames.last_mut() {
                        f.ip = ip;
                    }
                };
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            save_ip!();
                            return Err(e);
                        }
                    }
                };
            }

            loop {
                let Some(&op) = code.get(ip) else {
                    save_ip!();
                    return Err(Thrown::new("Error", "internal: instruction pointer out of range"));
                };
                ip += 1;
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
                    Op::Store(s) => {
                        let v = self.pop();
                        self.fiber.stack[base + s as usize] = v;
                    }
                    Op::LoadGlobal(g) => {
                        let v = tri!(load_global(&closure.globals, g as usize));
                        self.push(v);
                    }
                    Op::Pop => {
                        self.pop();
                    }
                    Op::Binary(bop) => {
                        if let [.., Value::Int(x), Value::Int(y)] = &self.fiber.stack[..] {
                            let (x, y) = (*x, *y);
                            let fast = match bop {
                                BinOp::Add => x.checked_add(y),
                                BinOp::Sub => x.checked_sub(y),
                                BinOp::Mul => x.checked_mul(y),
                                _ => None,
                            };
                            if let Some(r) = fast {
                                let n = self.fiber.stack.len();
                                self.fiber.stack.truncate(n - 1);
                                self.fiber.stack[n - 2] = Value::Int(r);
                                continue;
                            }
                        }
                        let b = self.pop();
                        let a = self.pop();
                        let r = match (&a, &b) {
                            (Value::Struct(_), _) => {
                                save_ip!();
                                tri!(self.struct_binary(bop, a, b))
                            }
                            _ => tri!(ops::binary(bop, &a, &b)),
                        };
                        self.push(r);
                    }
                    Op::BinaryLocalConst { slot, op: bop, k } => {
                        let a = &self.fiber.stack[base + slot as usize];
                        if let Value::Int(x) = a {
                            let (x, y) = (*x, k as i64);
                            let fast = match bop {
                                BinOp::Add => x.checked_add(y),
                                BinOp::Sub => x.checked_sub(y),
                                BinOp::Mul => x.checked_mul(y),
                                _ => None,
                            };
                            if let Some(r) = fast {
                                self.push(Value::Int(r));
                                continue;
                            }
                        }
                        let a = a.clone();
                        let r = match &a {
                            Value::Struct(_) => {
                                save_ip!();
                                tri!(self.struct_binary(bop, a, Value::Int(k as i64)))
                            }
                            _ => tri!(ops::binary(bop, &a, &Value::Int(k as i64))),
                        };
                        self.push(r);
                    }
                    Op::CompareLocalConst { slot, op: cop, k } => {
                        let a = &self.fiber.stack[base + slot as usize];
                        if let Value::Int(x) = a {
                            let (x, y) = (*x, k as i64);
                            let r = match cop {
                                CmpOp::Eq => x == y,
                                CmpOp::NotEq => x != y,
                                CmpOp::Lt => x < y,
                                CmpOp::Gt => x > y,
                                CmpOp::LtEq => x <= y,
                                _ => x >= y,
                            };
                            self.push(Value::Bool(r));
                            continue;
                        }
                        let a = a.clone();
                        save_ip!();
                        let r = tri!(self.compare_values(cop, &a, &Value::Int(k as i64)));
                        self.push(Value::Bool(r));
                    }
                    Op::Compare(cop) => {
                        if let [.., Value::Int(x), Value::Int(y)] = &self.fiber.stack[..] {
                            let (x, y) = (*x, *y);
                            let r = match cop {
                                CmpOp::Eq => Some(x == y),
                                CmpOp::NotEq => Some(x != y),
                                CmpOp::Lt => Some(x < y),
                                CmpOp::Gt => Some(x > y),
                                CmpOp::LtEq => Some(x <= y),
                                CmpOp::GtEq => Some(x >= y),
                                _ => None,
                            };
                            if let Some(r) = r {
                                let n = self.fiber.stack.len();
                                self.fiber.stack.truncate(n - 1);
                                self.fiber.stack[n - 2] = Value::Bool(r);
                                continue;
                            }
                        }
                        let b = self.pop();
                        let a = self.pop();
                        save_ip!();
                        let r = tri!(self.compare_values(cop, &a, &b));
                        self.push(Value::Bool(r));
                    }
                    Op::Jump(t) => {
                        if (t as usize) < ip && stop == 0 {
                            self.budget -= 1;
                            if self.budget <= 0 {
                                ip = t as usize;
                                save_ip!();
                                return Ok(Flow::Yield);
                            }
                        }
                        ip = t as usize;
                    }
                    Op::JumpIfFalse(t) => {
                        let v = self.pop();
                        if let Value::Bool(b) = v {
                            if !b {
                                ip = t as usize;
                            }
                            continue;
                        }
                        if !tri!(expect_bool(&v, "a condition")) {
                            ip = t as usize;
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
                        save_ip!();
                        if tri!(self.call(n as usize, None)) {
                            continue 'frames;
                        }
                    }
                    Op::CallGlobal { slot, argc } => {
                        save_ip!();
                        let n = argc as usize;
                        let callee_at = self.fiber.stack.len() - n;
                        let fast = match closure.globals.frozen_ref(slot as usize) {
                            Some(Value::Func(f)) if !f.proto.is_async => Some(Arc::as_ptr(f)),
                            _ => None,
                        };
                        match fast {
                            Some(ptr) => {
                                // No callee slot: the arguments are the frame's first slots.
                                tri!(self.enter_at(
                                    super::FrameFn::Global(ptr),
                                    callee_at,
                                    callee_at,
                                    n,
                                    None,
                                    FrameKind::Normal
                                ));
                                continue 'frames;
                            }
                            None => {
                                let f = tri!(load_global(&closure.globals, slot as usize));
                                self.fiber.stack.insert(callee_at, f);
                                if tri!(self.call(n, None)) {
                                    continue 'frames;
                                }
                            }
                        }
                    }
                    Op::CallSite(i) => {
                        save_ip!();
                        let site = proto.call_sites[i as usize].clone();
                        if tri!(self.call_site(&site)) {
                            continue 'frames;
                        }
                    }
                    Op::CallMethod(i) => {
                        save_ip!();
                        let site = &proto.method_sites[i as usize];
                        let place = site.place.map(|p| proto.places[p as usize].clone());
                        if tri!(self.call_method(site, place)) {
                            continue 'frames;
                        }
                    }
                    Op::Return => {
                        save_ip!();
                        let v = self.pop();
                        let v = tri!(self.check_return(closure, v));
                        let done = self.return_from_frame(v)?;
                        if self.fiber.frames.len() <= stop {
                            return Ok(Flow::Return(done.unwrap_or_else(|| self.pop())));
                        }
                        continue 'frames;
                    }
                    Op::Await => {
                        save_ip!();
                        match tri!(self.await_top(ip - 1)) {
                            AwaitStep::Ready => {}
                            AwaitStep::Entered => continue 'frames,
                            AwaitStep::Suspend => {
                                if stop != 0 {
                                    tri!(Err(Thrown::new("Error", "cannot wait here: code called back from a builtin (such as `__str__` or a sort key) cannot await or suspend")));
                                }
                                // Run this instruction again when woken.
                                ip -= 1;
                                save_ip!();
                                return Ok(Flow::Suspend);
                            }
                        }
                    }
                    Op::ForIter { slot, target } => {
                        let it = &mut self.fiber.stack[base + slot as usize];
                        if let Value::Iter(state) = it {
                            match state.next() {
                                Some(v) => {
                                    self.push(v);
                                    ip += 1; // skip ForUnwrap
                                }
                                None => ip = target as usize,
                            }
                        } else {
                            save_ip!();
                            match tri!(self.for_iter_slow(base + slot as usize)) {
                                super::call::IterStep::Item(v) => {
                                    self.push(v);
                                    ip += 1;
                                }
                                super::call::IterStep::Done => ip = target as usize,
                                super::call::IterStep::Called => {
                                    // `__next__` runs in a new frame; its Optional
                                    // lands on our stack for ForUnwrap.
                                    if let Some(f) = self.fiber.frames.iter_mut().rev().nth(1) {
                                        f.ip = ip;
                                    }
                                    continue 'frames;
                                }
                            }
                        }
                    }
                    Op::ForUnwrap(t) => {
                        let v = self.pop();
                        match v {
                            Value::Some(x) => self.push(Arc::unwrap_or_clone(x)),
                            Value::None => ip = t as usize,
                            other => tri!(Err(Thrown::type_error(format!(
                                "__next__ must return an Optional (Some(x) or None), not {}",
                                other.type_name()
                            )))),
                        }
                    }
                    Op::TryUnwrap => {
                        let v = self.pop();
                        match v {
                            Value::Ok(x) | Value::Some(x) => self.push(Arc::unwrap_or_clone(x)),
                            Value::Err(_) | Value::None => {
                                // Early return of the Err/None from this function.
                                save_ip!();
                                let done = self.return_from_frame(v)?;
                                if self.fiber.frames.len() <= stop {
                                    return Ok(Flow::Return(done.unwrap_or_else(|| self.pop())));
                                }
                                continue 'frames;
                            }
                            other => tri!(Err(Thrown::type_error(format!(
                                "`?` needs an Optional or a Result, got {}",
                                other.type_name()
                            )))),
                        }
                    }
                    _ => {
                        tri!(self.exec_cold(op, closure, base, ip));
                    }
                }
            }
        }
    }

    /// The instructions that are not on the hot path, kept out of
    /// `run_frames` so its stack frame stays small and its registers free.
    /// Errors are returned; the caller records the instruction pointer.
    #[inline(never)]
    fn exec_cold(&mut self, op: Op, closure: &Closure, base: usize, ip: usize) -> RtResult<()> {
        let proto = &closure.proto;
        macro_rules! save_ip {
            () => {
                if let Some(f) = self.fiber.frames.last_mut() {
                    f.ip = ip;
                }
            };
        }
        macro_rules! tri {
            ($e:expr) => {
                $e?
            };
        }
        match op {
            Op::Take(s) => {
                let v = std::mem::take(&mut self.fiber.stack[base + s as usize]);
                self.push(v);
            }
            Op::StoreGlobal(g) => {
                let v = self.pop();
                closure.globals.set(g as usize, v);
            }
            Op::Native(i) => self.push(Value::Native(i)),
            Op::Dup => {
                let v = self.fiber.stack.last().cloned().unwrap_or_default();
                self.push(v);
            }
            Op::Swap => {
                let n = self.fiber.stack.len();
                if n >= 2 {
                    self.fiber.stack.swap(n - 1, n - 2);
                }
            }
            Op::Neg => {
                let a = self.pop();
                let r = tri!(ops::negate(&a));
                self.push(r);
            }
            Op::Pos => {
                let a = self.pop();
                if !matches!(a, Value::Int(_) | Value::Float(_)) {
                    tri!(Err(Thrown::type_error(format!("bad operand type for unary +: {}", a.type_name()))));
                }
                self.push(a);
            }
            Op::Not => {
                let a = self.pop();
                let b = tri!(expect_bool(&a, "the operand of `not`"));
                self.push(Value::Bool(!b));
            }
            Op::Invert => {
                let a = self.pop();
                match a {
                    Value::Int(i) => self.push(Value::Int(!i)),
                    other => {
                        tri!(Err(Thrown::type_error(format!("bad operand type for unary ~: {}", other.type_name()))))
                    }
                }
            }
            Op::CheckBool => {
                let v = self.fiber.stack.last().cloned().unwrap_or_default();
                tri!(expect_bool(&v, "an operand of `and`/`or`"));
            }
            Op::BuildList(n) => {
                let items = self.pop_n(n as usize);
                self.push(Value::list(items));
            }
            Op::BuildTuple(n) => {
                let items = self.pop_n(n as usize);
                self.push(Value::tuple(items));
            }
            Op::BuildDict(n) => {
                let items = self.pop_n(2 * n as usize);
                let mut d = crate::value::Dict::with_capacity(n as usize);
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let key = tri!(hash_key(k));
                    d.insert(key, v);
                }
                self.push(Value::Dict(Arc::new(d)));
            }
            Op::ListPush => {
                let x = self.pop();
                if let Some(Value::List(l)) = self.fiber.stack.last_mut() {
                    Arc::make_mut(l).push(x);
                }
            }
            Op::ListExtend => {
                let xs = self.pop();
                let items = tri!(self.collect_iterable(&xs));
                if let Some(Value::List(l)) = self.fiber.stack.last_mut() {
                    Arc::make_mut(l).extend(items);
                }
            }
            Op::DictInsert => {
                let v = self.pop();
                let k = self.pop();
                let key = tri!(hash_key(k));
                if let Some(Value::Dict(d)) = self.fiber.stack.last_mut() {
                    Arc::make_mut(d).insert(key, v);
                }
            }
            Op::Index => {
                let idx = self.pop();
                let obj = self.pop();
                if let Value::Struct(_) = obj {
                    save_ip!();
                    let r = tri!(self.struct_getitem(obj, idx));
                    self.push(r);
                } else if let Value::Type(t) = &obj {
                    // Generic application: `Channel[Int]`, `List[String]`.
                    self.push(generic(t, &idx));
                } else {
                    let r = tri!(crate::builtins::methods::index(&obj, &idx));
                    self.push(r);
                }
            }
            Op::Slice => {
                let step = self.pop();
                let hi = self.pop();
                let lo = self.pop();
                let obj = self.pop();
                let r = tri!(crate::builtins::methods::slice(&obj, &lo, &hi, &step));
                self.push(r);
            }
            Op::GetAttr(n) => {
                let obj = self.pop();
                let name = proto.names.get(n as usize).cloned().unwrap_or_else(|| "".into());
                let r = tri!(self.get_attr(obj, &name));
                self.push(r);
            }
            Op::GetItem(i) => {
                let obj = self.pop();
                let r = tri!(get_item(&obj, i as usize));
                self.push(r);
            }
            Op::Unpack(n) => {
                let v = self.pop();
                let items = tri!(self.unpack(v, n as usize));
                self.fiber.stack.extend(items);
            }
            Op::MakeRange(inclusive) => {
                let hi = self.pop();
                let lo = self.pop();
                match (lo, hi) {
                    (Value::Int(a), Value::Int(b)) => {
                        let stop = if inclusive { b.saturating_add(1) } else { b };
                        self.push(Value::Range(Arc::new(RangeObj { start: a, stop, step: 1 })));
                    }
                    (a, b) => tri!(Err(Thrown::type_error(format!(
                        "a range needs Int bounds, got {} and {}",
                        a.type_name(),
                        b.type_name()
                    )))),
                }
            }
            Op::StorePlace(p) => {
                let place = &proto.places[p as usize];
                let v = self.pop();
                let indices = self.pop_n(place.index_count());
                tri!(self.put_place(place, &indices, v));
            }
            Op::LoadPlace(p) => {
                let place = &proto.places[p as usize];
                let n = place.index_count();
                let len = self.fiber.stack.len();
                let indices: Vec<Value> = self.fiber.stack[len.saturating_sub(n)..].to_vec();
                let v = tri!(self.load_place(place, &indices));
                self.push(v);
            }
            Op::MakeClosure(i) => {
                let spec = &proto.closures[i as usize];
                let captures = self.pop_n(spec.ncaptures as usize);
                let defaults = self.pop_n(spec.ndefaults as usize);
                let c = crate::value::Closure {
                    proto: spec.proto.clone(),
                    captures,
                    defaults,
                    globals: closure.globals.clone(),
                };
                self.push(Value::Func(Arc::new(c)));
            }
            Op::LoadSelf => {
                let f = self.fiber.frames.last().map(|f| Value::Func(f.closure.to_arc())).unwrap_or_default();
                self.push(f);
            }
            Op::MakeStruct(i) => {
                let spec = &proto.structs[i as usize];
                let methods = self.pop_n(spec.method_names.len());
                let ndefaults = spec.defaults.iter().filter(|d| **d).count();
                let defaults = self.pop_n(ndefaults);
                let ty = make_struct_type(spec, methods, defaults);
                self.push(ty);
            }
            Op::GetAIter => {
                let v = self.pop();
                save_ip!();
                let it = tri!(self.get_aiter(v));
                self.push(it);
            }
            Op::GetIter => {
                let v = self.pop();
                save_ip!();
                let it = tri!(self.get_iter(v));
                self.push(it);
            }
            Op::Format(i) => {
                let spec = &proto.format_specs[i as usize];
                let v = self.pop();
                save_ip!();
                let plain = tri!(if spec.repr { self.to_repr(&v) } else { self.to_str(&v) });
                let s = tri!(crate::format::apply_spec(&v, &plain, &spec.spec));
                self.push(Value::str(s));
            }
            Op::Concat(n) => {
                let parts = self.pop_n(n as usize);
                let mut s = String::new();
                for p in &parts {
                    if let Value::Str(x) = p {
                        s.push_str(x);
                    }
                }
                self.push(Value::str(s));
            }
            Op::SetupTry { target, finally } => {
                let h = TryHandler { frame_len: self.fiber.frames.len(), target, sp: self.fiber.stack.len(), finally };
                self.fiber.handlers.push(h);
            }
            Op::PopTry => {
                self.fiber.handlers.pop();
            }
            Op::Raise => {
                let v = self.pop();
                let thrown = match v {
                    Value::Error(_) => Thrown::Error(v),
                    other => Thrown::type_error(format!(
                        "can only raise an Error, not {} (wrap it: `raise Error(str(x))`)",
                        other.type_name()
                    )),
                };
                tri!(Err(thrown));
            }
            Op::Reraise => {
                let v = self.pop();
                if let Some(key) = super::unwind::identity(&v) {
                    if let Some(i) = self.caught.iter().rposition(|(k, _)| *k == key) {
                        // Continue the original traceback.
                        self.trace = self.caught.remove(i).1;
                        self.reraising = true;
                    }
                }
                tri!(Err(Thrown::from_value(v)));
            }
            Op::ExcMatch => {
                let ty = self.pop();
                let err = self.pop();
                let r = tri!(exc_matches(&err, &ty));
                self.push(Value::Bool(r));
            }
            Op::Assert(i) => {
                let msg = self.pop();
                let cond = self.pop();
                if !tri!(expect_bool(&cond, "an assert condition")) {
                    let text = proto.consts.get(i as usize).map(crate::format::to_str).unwrap_or_default();
                    let m = match msg {
                        Value::None => format!("assertion failed: {text}"),
                        other => format!("{} ({text})", tri!(self.to_str(&other))),
                    };
                    tri!(Err(Thrown::new("AssertionError", m)));
                }
            }
            Op::AssertCompare(cmp, i) => {
                save_ip!();
                let msg = self.pop();
                let right = self.pop();
                let left = self.pop();
                if !tri!(self.compare_values(cmp, &left, &right)) {
                    let text = proto.consts.get(i as usize).map(crate::format::to_str).unwrap_or_default();
                    let sides = format!("left: {}, right: {}", tri!(self.to_repr(&left)), tri!(self.to_repr(&right)));
                    let m = match msg {
                        Value::None => format!("assertion failed: {text} ({sides})"),
                        other => format!("{} ({text}; {sides})", tri!(self.to_str(&other))),
                    };
                    tri!(Err(Thrown::new("AssertionError", m)));
                }
            }
            Op::Test(i) => {
                let v = self.pop();
                let r = pattern_test(&proto.tests[i as usize], &v);
                self.push(Value::Bool(r));
            }
            Op::IsInstance => {
                let ty = self.pop();
                let v = self.pop();
                let r = tri!(is_instance(&v, &ty));
                self.push(Value::Bool(r));
            }
            Op::Unwrap => {
                let v = self.pop();
                match v {
                    Value::Some(x) | Value::Ok(x) | Value::Err(x) => self.push(Arc::unwrap_or_clone(x)),
                    other => self.push(other),
                }
            }
            Op::SliceRest { from, from_end } => {
                let v = self.pop();
                let items = match &v {
                    Value::List(xs) | Value::Tuple(xs) => xs.as_slice(),
                    _ => &[],
                };
                let hi = items.len().saturating_sub(from_end as usize);
                let lo = (from as usize).min(hi);
                self.push(Value::list(items[lo..hi].to_vec()));
            }
            Op::CheckType(i) => {
                let check = &proto.type_checks[i as usize];
                let v = self.fiber.stack.last().cloned().unwrap_or_default();
                if !super::call::type_matches(check, &v) {
                    tri!(Err(Thrown::type_error(format!("expected {}, got {}", check.name(), v.type_name()))));
                }
            }
            Op::MatchFail(slot) => {
                let v = self.fiber.stack[base + slot as usize].clone();
                let r = tri!(self.to_repr(&v));
                tri!(Err(Thrown::new("MatchError", format!("no case matched {r}"))));
            }
            Op::Nop => {}
            Op::ImportModule(i) => {
                let spec = proto.imports[i as usize].clone();
                let Some(ctx) = self.ctx.clone() else {
                    return Err(Thrown::new("Error", "`import` needs a running program"));
                };
                let (module, init) = ctx.instantiate(&spec);
                self.push(module);
                // The module body is async (it may await at top level): a
                // coroutine the importer awaits, or nothing to do.
                self.push(match init {
                    Some(f) => Value::Coroutine(Arc::new(crate::task::CoroutineObj::new(
                        spec.name.clone(),
                        f,
                        Vec::new(),
                        Vec::new(),
                    ))),
                    None => crate::futures::ready(Value::None),
                });
            }
            _ => {}
        }
        Ok(())
    }

    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let len = self.fiber.stack.len();
        self.fiber.stack.split_off(len.saturating_sub(n))
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
            FrameKind::Init => self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default(),
            FrameKind::Writeback(wb) => {
                let this = self.fiber.stack.get_mut(frame.base).map(std::mem::take).unwrap_or_default();
                self.fiber.stack.truncate(callee_at);
                self.put_place(&wb.place, &wb.indices, this)?;
                self.push(v);
                return Ok(None);
            }
        };
        self.cut_stack(callee_at);
        self.push(result);
        Ok(None)
    }

    /// `stack.truncate(to)`, without an out-of-line drop call for the
    /// scalars that make up most of a returning frame.
    #[inline]
    pub(crate) fn cut_stack(&mut self, to: usize) {
        while self.fiber.stack.len() > to {
            match self.fiber.stack.pop() {
                Some(Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Unit) | None => {}
                Some(heap) => drop(heap),
            }
        }
    }

    fn compare_values(&mut self, op: CmpOp, a: &Value, b: &Value) -> RtResult<bool> {
        use std::cmp::Ordering::*;
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(match op {
                CmpOp::Eq => x == y,
                CmpOp::NotEq => x != y,
                CmpOp::Lt => x < y,
                CmpOp::Gt => x > y,
                CmpOp::LtEq => x <= y,
                CmpOp::GtEq => x >= y,
                CmpOp::In | CmpOp::NotIn => {
                    return Err(Thrown::type_error("`in` needs a container on the right, got Int"))
                }
            });
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

#[inline]
fn load_global(globals: &super::Globals, g: usize) -> RtResult<Value> {
    match globals.get(g) {
        Some(v) => Ok(v),
        None => {
            let name = globals.name(g);
            Err(Thrown::new("Error", format!("global `{name}` is used before it is defined")))
        }
    }
}

pub(crate) fn expect_bool(v: &Value, what: &str) -> RtResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(Thrown::type_error(format!(
            "{what} must be a Bool, not {} (compare explicitly, e.g. `x != 0`)",
            other.type_name()
        ))),
    }
}

pub fn hash_key(k: Value) -> RtResult<HashKey> {
    let name = k.type_name();
    HashKey::new(k).ok_or_else(|| Thrown::type_error(format!("a {name} cannot be a dictionary key (it is mutable)")))
}

fn get_item(obj: &Value, i: usize) -> RtResult<Value> {
    let found = match obj {
        Value::Tuple(xs) | Value::List(xs) => xs.get(i).cloned(),
        Value::Struct(s) => s.fields.get(i).cloned(),
        Value::Error(e) if i == 0 => Some(Value::str(e.message.clone())),
        _ => None,
    };
    found.ok_or_else(|| Thrown::new("IndexError", format!("no element {i} in {}", obj.type_name())))
}

fn pattern_test(t: &PatternTest, v: &Value) -> bool {
    let seq_len = |v: &Value| match v {
        Value::Tuple(xs) | Value::List(xs) => Some(xs.len()),
        Value::Unit => Some(0),
        _ => None,
    };
    let fits = |n: usize, len: u32, at_least: bool| {
        if at_least {
            n >= len as usize
        } else {
            n == len as usize
        }
    };
    match t {
        PatternTest::Tuple(n) => {
            matches!(v, Value::Tuple(xs) if xs.len() == *n as usize) || (*n == 0 && matches!(v, Value::Unit))
        }
        PatternTest::List { len, at_least } => {
            matches!(v, Value::List(xs) if fits(xs.len(), *len, *at_least))
        }
        PatternTest::Seq { len, at_least } => match v {
            Value::Tuple(_) | Value::Unit => seq_len(v).is_some_and(|n| fits(n, *len, *at_least)),
            _ => false,
        },
        PatternTest::Some => matches!(v, Value::Some(_)),
        PatternTest::Ok => matches!(v, Value::Ok(_)),
        PatternTest::Err => matches!(v, Value::Err(_)),
        PatternTest::None => matches!(v, Value::None),
    }
}

/// `isinstance(v, ty)` and type patterns: exact types (an Int is not a Float).
pub fn is_instance(v: &Value, ty: &Value) -> RtResult<bool> {
    use crate::types::{BuiltinType, TypeInfo};
    let Value::Type(t) = ty else {
        return Err(Thrown::type_error(format!("isinstance needs a type, got {}", ty.type_name())));
    };
    Ok(match &**t {
        TypeInfo::Builtin(BuiltinType::Float) => matches!(v, Value::Float(_)),
        TypeInfo::Builtin(b) => b.contains(v),
        TypeInfo::Struct(s) => {
            matches!(v, Value::Struct(o) if Arc::ptr_eq(&o.ty, s) || o.ty.name == s.name)
        }
        TypeInfo::ErrorKind(k) => {
            matches!(v, Value::Error(e) if &*e.kind == &**k || &**k == "Error")
        }
        TypeInfo::Trait(name) => {
            matches!(v, Value::Struct(o) if o.ty.traits.iter().any(|t| t == name))
        }
        TypeInfo::Channel(_) => matches!(v, Value::Channel(_)),
        TypeInfo::Opaque(name) | TypeInfo::HandleKind(name) => v.type_name() == *name,
    })
}

fn exc_matches(err: &Value, ty: &Value) -> RtResult<bool> {
    match ty {
        Value::Type(_) => is_instance(err, ty),
        other => Err(Thrown::type_error(format!("`except` needs an error kind, got {}", other.type_name()))),
    }
}

/// `Type[Args]` in an expression: `Channel[Int]` remembers its element
/// type; other generic types are the type itself.
fn generic(t: &Arc<crate::types::TypeInfo>, arg: &Value) -> Value {
    use crate::bytecode::TypeCheck;
    use crate::types::TypeInfo;
    match &**t {
        TypeInfo::Channel(_) => {
            let check = match arg {
                Value::Type(a) => match &**a {
                    TypeInfo::Builtin(b) => Some(TypeCheck::Builtin(*b)),
                    TypeInfo::Struct(s) => Some(TypeCheck::Named(s.name.clone())),
                    TypeInfo::ErrorKind(k) => Some(TypeCheck::Named(k.to_string())),
                    _ => None,
                },
                _ => None,
            };
            Value::Type(Arc::new(TypeInfo::Channel(check)))
        }
        _ => Value::Type(t.clone()),
    }
}

fn make_struct_type(spec: &crate::bytecode::StructSpec, methods: Vec<Value>, defaults: Vec<Value>) -> Value {
    use crate::types::{StructType, TypeInfo};
    let mut defaults = defaults.into_iter();
    let field_defaults = spec.defaults.iter().map(|d| if *d { defaults.next() } else { None }).collect();
    let methods = spec.method_names.iter().cloned().zip(methods).collect();
    let ty = StructType {
        name: spec.name.clone(),
        fields: spec.fields.clone(),
        field_types: spec.field_types.clone(),
        field_defaults,
        methods: parking_lot::RwLock::new(methods),
        traits: spec.traits.clone(),
    };
    Value::Type(Arc::new(TypeInfo::Struct(Arc::new(ty))))
}
