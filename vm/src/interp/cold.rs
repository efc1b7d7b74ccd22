//! The instructions that are not on the hot path (containers, attributes,
//! places, closures, structs, iteration set-up, strings, exceptions,
//! patterns), executed by a separate non-inlined function so that
//! `run_frames` keeps a small stack frame.

use super::typing::*;
use super::Vm;
use crate::bytecode::Op;
use crate::error::{RtResult, Thrown};
use crate::ops;
use crate::value::{Closure, RangeObj, Value};
use std::sync::Arc;

impl Vm {
    /// The instructions that are not on the hot path, kept out of
    /// `run_frames` so its stack frame stays small and its registers free.
    /// Errors are returned; the caller records the instruction pointer.
    #[inline(never)]
    pub(crate) fn exec_cold(&mut self, op: Op, closure: &Closure, base: usize, ip: usize) -> RtResult<()> {
        let proto = &closure.proto;
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
                let mut d = crate::value::Dict::with_capacity_and_hasher(n as usize, Default::default());
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let key = tri!(hash_key(k));
                    d.insert(key, v);
                }
                self.push(Value::Dict(Arc::new(d)));
            }
            Op::ListPushLocal(s) => {
                let x = self.pop();
                if let Some(Value::List(l)) = self.fiber.stack.get_mut(base + s as usize) {
                    Arc::make_mut(l).push(x);
                }
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
            Op::IndexLocal(s) => {
                // The general case: as `Load(s)` below the index, then `Index`.
                let obj = self.fiber.stack.get(base + s as usize).cloned().unwrap_or_default();
                let at = self.fiber.stack.len().saturating_sub(1);
                self.fiber.stack.insert(at, obj);
                return self.exec_cold(Op::Index, closure, base, ip);
            }
            Op::Index => {
                let idx = self.pop();
                let obj = self.pop();
                if let Value::Struct(_) = obj {
                    self.save_ip(ip);
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
                let r = tri!(self.get_attr_caching(proto, n, obj));
                self.push(r);
            }
            Op::LoadAttr { slot, name } => {
                let obj = self.fiber.stack.get(base + slot as usize).cloned().unwrap_or_default();
                let r = tri!(self.get_attr_caching(proto, name, obj));
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
                let c = crate::value::Closure::new(spec.proto.clone(), captures, defaults, closure.globals.clone());
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
                self.save_ip(ip);
                let it = tri!(self.get_aiter(v));
                self.push(it);
            }
            Op::GetIterEnumerate => {
                let v = self.pop();
                self.save_ip(ip);
                let it = match crate::iter::IterState::over(&v) {
                    Some(inner) => {
                        Value::Iter(Box::new(crate::iter::IterState::Enumerate { inner: Box::new(inner), next: 0 }))
                    }
                    None => {
                        // Anything else: the general `enumerate` (a list of pairs).
                        let f = crate::builtins::native_index("enumerate").and_then(crate::builtins::native_fn);
                        let Some(f) = f else { tri!(Err(Thrown::new("Error", "internal: no enumerate"))) };
                        let pairs =
                            tri!(f(self, crate::builtins::Args { pos: std::iter::once(v).collect(), kw: Vec::new() }));
                        tri!(self.get_iter(pairs))
                    }
                };
                self.push(it);
            }
            Op::GetIter => {
                let v = self.pop();
                self.save_ip(ip);
                let it = tri!(self.get_iter(v));
                self.push(it);
            }
            Op::Format(i) => {
                let spec = &proto.format_specs[i as usize];
                // `{s}` of a String is the String itself, and `{i}` of an Int
                // is written by the `Concat` that always follows (no copy, no
                // string of its own).
                if !spec.repr
                    && spec.spec.is_empty()
                    && matches!(self.fiber.stack.last(), Some(Value::Str(_) | Value::Int(_)))
                {
                    return Ok(());
                }
                let v = self.pop();
                self.save_ip(ip);
                let plain = tri!(if spec.repr { self.to_repr(&v) } else { self.to_str(&v) });
                let s =
                    if spec.spec.is_empty() { plain } else { tri!(crate::format::apply_spec(&v, &plain, &spec.spec)) };
                self.push(Value::str(s));
            }
            Op::Concat(n) => {
                // The parts are Strings and Ints (as `Format` left them): one
                // allocation of their total length.
                let at = self.fiber.stack.len().saturating_sub(n as usize);
                let parts = &self.fiber.stack[at..];
                let len = parts.iter().map(|p| if let Value::Str(x) = p { x.len() } else { 20 }).sum();
                let mut s = String::with_capacity(len);
                for p in parts {
                    match p {
                        Value::Str(x) => s.push_str(x),
                        Value::Int(i) => crate::format::push_int(&mut s, *i),
                        _ => {}
                    }
                }
                self.fiber.stack.truncate(at);
                self.push(Value::str(s));
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
                self.save_ip(ip);
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
                    Value::Ok(x) | Value::Err(x) => self.push(Arc::unwrap_or_clone(x)),
                    other => self.push(other.into_some_inner().unwrap_or_else(|v| v)),
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
            Op::CheckArg(i) => {
                if let Some(a) = proto.arg_checks.get(i as usize) {
                    let v = &self.fiber.stack[base + a.slot as usize];
                    if !super::call::type_matches(&a.check, v) {
                        let got = v.type_name();
                        tri!(Err(Thrown::type_error(format!(
                            "argument `{}` of `{}` must be {}, got {got}",
                            a.param,
                            a.func,
                            a.check.name()
                        ))));
                    }
                }
            }
            Op::CheckResult { check, func, is_async } => {
                let check = &proto.type_checks[check as usize];
                let v = self.fiber.stack.last().cloned().unwrap_or_default();
                let passes = super::call::type_matches(check, &v) || (is_async && matches!(v, Value::None));
                if !passes {
                    let name = proto.names.get(func as usize).map(|n| n.to_string()).unwrap_or_default();
                    tri!(Err(Thrown::type_error(format!(
                        "`{name}` must return {}, but returned {}",
                        check.name(),
                        v.type_name()
                    ))));
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
                        crate::task_name::TaskName::Given(spec.name.as_str().into()),
                        super::FrameFn::Owned(f),
                        Default::default(),
                        Vec::new(),
                    ))),
                    None => crate::futures::ready(Value::None),
                });
            }
            _ => {}
        }
        Ok(())
    }
}
