//! Calls: binding arguments to parameters (positional, keyword, defaults,
//! `*args`, annotation checks), constructors, method dispatch on structs
//! and builtin values, and the user dunder protocols (`__iter__`,
//! `__next__`, `__eq__`, `__lt__`, `__add__`, `__getitem__`).

use super::{FrameFn, FrameKind, Vm, MAX_FRAMES};
use crate::builtins::{methods, Args};
use crate::bytecode::{CallSite, TypeCheck};
use crate::error::{ErrorObj, RtResult, Thrown};
use crate::task::CoroutineObj;
use crate::types::{BuiltinType, StructType, TypeInfo};
use crate::value::{Closure, StructObj, Value};
use std::sync::Arc;

impl Vm {
    /// Calls the callee below `argc` arguments (and the keyword values of
    /// `kw`). Returns true when a mojolite frame was pushed (the loop must
    /// switch to it); otherwise the result is already on the stack.
    #[inline]
    pub(crate) fn call(&mut self, argc: usize, kw: Option<&[Arc<str>]>) -> RtResult<bool> {
        let nkw = kw.map_or(0, |k| k.len());
        let callee_at = self.fiber.stack.len() - argc - nkw - 1;
        // A function is moved out of its slot into the frame (no refcount
        // traffic); other callees are cloned.
        let callee = match &self.fiber.stack[callee_at] {
            Value::Func(_) => std::mem::take(&mut self.fiber.stack[callee_at]),
            other => other.clone(),
        };
        match callee {
            Value::Func(closure) => {
                if closure.proto.is_async {
                    // Calling an async fn only makes a lazy coroutine.
                    let args = self.take_args(argc, kw);
                    self.pop();
                    let name = crate::task_name::TaskName::Given(closure.proto.name.clone());
                    let co = CoroutineObj::new(name, FrameFn::Owned(closure), args.pos.into_iter().collect(), args.kw);
                    self.push(Value::Coroutine(Arc::new(co)));
                    return Ok(false);
                }
                self.enter(closure, callee_at, argc, kw, FrameKind::Normal)?;
                Ok(true)
            }
            Value::Native(i) => {
                let args = self.take_args(argc, kw);
                self.pop();
                crate::builtins::check_keywords(i, &args)?;
                let f = crate::builtins::native_fn(i).ok_or_else(|| Thrown::type_error("unknown builtin"))?;
                let r = f(self, args)?;
                self.push(r);
                Ok(false)
            }
            Value::Bound(b) => {
                // Insert the receiver as the first argument.
                match &b.method {
                    Value::Func(closure) => {
                        self.fiber.stack.insert(callee_at + 1, b.receiver.clone());
                        self.enter(closure.clone(), callee_at, argc + 1, kw, FrameKind::Normal)?;
                        Ok(true)
                    }
                    _ => {
                        let args = self.take_args(argc, kw);
                        self.pop();
                        let mut recv = b.receiver.clone();
                        let r = methods::call(self, &mut recv, &b.name, args)?;
                        self.push(r);
                        Ok(false)
                    }
                }
            }
            Value::Type(t) => self.construct(&t, callee_at, argc, kw),
            other => {
                let args = self.take_args(argc, kw);
                drop(args);
                self.pop();
                Err(Thrown::type_error(format!("{} is not callable", other.a_type_name())))
            }
        }
    }

    pub(crate) fn call_site(&mut self, site: &CallSite) -> RtResult<bool> {
        if site.stars.is_empty() {
            return self.call(site.argc as usize, Some(&site.kwnames));
        }
        let argc = self.spread_args(site)?;
        self.call(argc, Some(&site.kwnames))
    }

    /// Expands the `*xs` spreads among a call's positional arguments (on
    /// the stack under its keyword values) in place; returns how many
    /// positional arguments there are then.
    pub(crate) fn spread_args(&mut self, site: &CallSite) -> RtResult<usize> {
        if site.stars.is_empty() {
            return Ok(site.argc as usize);
        }
        let nkw = site.kwnames.len();
        let kwvals = self.pop_n(nkw);
        let pos = self.pop_n(site.argc as usize);
        let mut expanded = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if site.stars.contains(&(i as u32)) {
                expanded.extend(self.collect_iterable(&v)?);
            } else {
                expanded.push(v);
            }
        }
        let argc = expanded.len();
        self.fiber.stack.extend(expanded);
        self.fiber.stack.extend(kwvals);
        Ok(argc)
    }

    fn take_args(&mut self, argc: usize, kw: Option<&[Arc<str>]>) -> Args {
        let nkw = kw.map_or(0, |k| k.len());
        let kwvals = self.pop_n(nkw);
        let pos = self.pop_args(argc);
        let kw = kw.map(|names| names.iter().cloned().zip(kwvals).collect()).unwrap_or_default();
        Args { pos, kw }
    }

    /// Pushes a frame for `closure`, whose callee slot is `callee_at` and whose
    /// arguments are above it, binding them to the parameter slots.
    #[inline]
    pub(crate) fn enter(
        &mut self,
        closure: Arc<Closure>,
        callee_at: usize,
        argc: usize,
        kw: Option<&[Arc<str>]>,
        kind: FrameKind,
    ) -> RtResult<()> {
        self.enter_fn(FrameFn::Owned(closure), callee_at, argc, kw, kind)
    }

    #[inline]
    pub(crate) fn enter_fn(
        &mut self,
        func: FrameFn,
        callee_at: usize,
        argc: usize,
        kw: Option<&[Arc<str>]>,
        kind: FrameKind,
    ) -> RtResult<()> {
        self.enter_at(func, callee_at + 1, callee_at, argc, kw, kind)
    }

    /// Pushes a frame whose arguments start at `base`; returning cuts the
    /// stack back to `ret_at` (the callee slot, or `base` when there is none).
    #[inline]
    pub(crate) fn enter_at(
        &mut self,
        func: FrameFn,
        base: usize,
        ret_at: usize,
        argc: usize,
        kw: Option<&[Arc<str>]>,
        kind: FrameKind,
    ) -> RtResult<()> {
        // SAFETY: `func` owns or (for a frozen global) borrows a live closure
        // for at least as long as this call; the reference is detached only
        // so `func` can be moved into the frame at the end.
        let closure: &Closure = unsafe { &*(func.get() as *const Closure) };
        if self.fiber.frames.len() >= MAX_FRAMES {
            let nkw = kw.map_or(0, |k| k.len());
            self.fiber.stack.truncate(self.fiber.stack.len() - argc - nkw);
            return Err(Thrown::new(
                "RecursionError",
                format!("maximum recursion depth exceeded ({MAX_FRAMES} frames)"),
            ));
        }
        let proto = &closure.proto;
        let nparams = proto.params.len();
        let simple = kw.is_none_or(|k| k.is_empty()) && !proto.has_star && argc == nparams;
        if !simple {
            let args = self.take_args(argc, kw);
            let bound = bind_args(&closure, args)?;
            self.fiber.stack.extend(bound);
        }
        for (i, check) in proto.param_types.iter().enumerate() {
            if let Some(check) = check {
                let v = &self.fiber.stack[base + i];
                // `*args: Int` checks each element.
                let bad = match v {
                    Value::List(items) if proto.has_star && i + 1 == nparams => {
                        items.iter().find(|x| !type_matches(check, x))
                    }
                    _ if !type_matches(check, v) => Some(v),
                    _ => None,
                };
                if let Some(v) = bad {
                    let got = v.type_name();
                    self.fiber.stack.truncate(base + nparams);
                    return Err(Thrown::type_error(format!(
                        "argument `{}` of `{}` must be {}, got {got}",
                        proto.params[i],
                        proto.name,
                        check.name()
                    )));
                }
            }
        }
        if proto.nslots as usize > nparams {
            self.fiber.stack.resize(base + proto.nslots as usize, Value::None);
        }
        for (slot, v) in proto.capture_slots.iter().zip(closure.captures.iter()) {
            self.fiber.stack[base + *slot as usize] = v.clone();
        }
        self.push_frame(func, base, ret_at, kind);
        Ok(())
    }

    pub(crate) fn check_return(&self, closure: &Closure, v: Value) -> RtResult<Value> {
        if let Some(check) = &closure.proto.ret_type {
            if !type_matches(check, &v) && !(matches!(v, Value::None) && closure.proto.is_async) {
                return Err(Thrown::type_error(format!(
                    "`{}` must return {}, but returned {}",
                    closure.proto.name,
                    check.name(),
                    v.type_name()
                )));
            }
        }
        Ok(v)
    }

    /// Calling a type: struct constructors, conversions, error kinds.
    fn construct(
        &mut self,
        t: &Arc<TypeInfo>,
        callee_at: usize,
        argc: usize,
        kw: Option<&[Arc<str>]>,
    ) -> RtResult<bool> {
        match &**t {
            TypeInfo::Struct(st) => {
                if let Some(Value::Func(init)) = st.method("__init__") {
                    let obj = Value::Struct(Arc::new(StructObj {
                        ty: st.clone(),
                        fields: st.field_defaults.iter().map(|d| d.clone().unwrap_or_default()).collect(),
                    }));
                    self.fiber.stack[callee_at] = Value::Func(init.clone());
                    self.fiber.stack.insert(callee_at + 1, obj);
                    self.enter(init, callee_at, argc + 1, kw, FrameKind::Init)?;
                    return Ok(true);
                }
                let args = self.take_args(argc, kw);
                self.pop();
                let obj = memberwise(st, args)?;
                self.push(obj);
                Ok(false)
            }
            TypeInfo::ErrorKind(kind) => {
                let args = self.take_args(argc, kw);
                self.pop();
                let msg = match args.pos.first().or_else(|| args.kw("message")) {
                    Some(Value::Str(s)) => (**s).clone(),
                    Some(other) => self.to_str(&other.clone())?,
                    None => String::new(),
                };
                self.push(ErrorObj::value(kind, msg));
                Ok(false)
            }
            TypeInfo::Builtin(b) => {
                let name = match b {
                    BuiltinType::Int => "int",
                    BuiltinType::Float => "float",
                    BuiltinType::Bool => "bool",
                    BuiltinType::String => "str",
                    BuiltinType::List => "list",
                    BuiltinType::Dict => "dict",
                    BuiltinType::Tuple => "tuple",
                    _ => return Err(Thrown::type_error(format!("type {} cannot be called", b.name()))),
                };
                let idx = crate::builtins::native_index(name).unwrap_or(0);
                self.fiber.stack[callee_at] = Value::Native(idx);
                self.call(argc, kw)
            }
            TypeInfo::Trait(name) => Err(Thrown::type_error(format!("trait `{name}` cannot be instantiated"))),
            TypeInfo::Channel(elem) => {
                let args = self.take_args(argc, kw);
                self.pop();
                let cap = args.pos.first().or_else(|| args.kw("capacity")).cloned().unwrap_or(Value::Int(0));
                let ch = crate::chan::ChannelObj::new(channel_capacity(&cap)?, elem.clone());
                self.push(Value::Channel(ch));
                Ok(false)
            }
            TypeInfo::HandleKind(kind) => {
                let args = self.take_args(argc, kw);
                self.pop();
                let mut pos = args.pos;
                if let Some(v) = args.kw.into_iter().next() {
                    pos.push(v.1);
                }
                let h = crate::handles::construct(self, kind, &pos)?;
                self.push(h);
                Ok(false)
            }
            TypeInfo::Opaque(name) => {
                Err(Thrown::type_error(format!("`{name}` values are made by the runtime, not constructed")))
            }
        }
    }
}

/// A channel capacity argument.
pub fn channel_capacity(v: &Value) -> RtResult<usize> {
    match v {
        Value::Int(n) if *n >= 0 && *n <= (1 << 30) => Ok(*n as usize),
        Value::Int(n) => Err(Thrown::value_error(format!("a channel capacity must be between 0 and 2^30, got {n}"))),
        other => Err(Thrown::type_error(format!("a channel capacity must be an Int, not {}", other.type_name()))),
    }
}

/// Binds positional/keyword arguments to a closure's parameter slots.
fn bind_args(closure: &Closure, args: Args) -> RtResult<Vec<Value>> {
    let proto = &closure.proto;
    let fixed = proto.params.len() - usize::from(proto.has_star);
    let mut slots: Vec<Option<Value>> = vec![None; proto.params.len()];
    let mut pos = args.pos.into_iter();
    for slot in slots.iter_mut().take(fixed) {
        match pos.next() {
            Some(v) => *slot = Some(v),
            None => break,
        }
    }
    let rest: Vec<Value> = pos.collect();
    if proto.has_star {
        slots[fixed] = Some(Value::list(rest));
    } else if !rest.is_empty() {
        let given = fixed + rest.len();
        return Err(Thrown::type_error(format!(
            "`{}` takes {fixed} argument{} but {given} were given",
            display_name(proto),
            if fixed == 1 { "" } else { "s" }
        )));
    }
    for (name, v) in args.kw {
        match proto.params[..fixed].iter().position(|p| *p == name) {
            Some(i) if slots[i].is_some() => {
                return Err(Thrown::type_error(format!("`{}` got argument `{name}` twice", display_name(proto))));
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(Thrown::type_error(format!("`{}` has no parameter named `{name}`", display_name(proto))));
            }
        }
    }
    let mut out = Vec::with_capacity(slots.len());
    for (i, s) in slots.into_iter().enumerate() {
        match s {
            Some(v) => out.push(v),
            None => {
                let d = i.checked_sub(proto.first_default).and_then(|j| closure.defaults.get(j));
                match d {
                    Some(v) => out.push(v.clone()),
                    None => {
                        return Err(Thrown::type_error(format!(
                            "`{}` is missing argument `{}`",
                            display_name(proto),
                            proto.params[i]
                        )));
                    }
                }
            }
        }
    }
    Ok(out)
}

fn display_name(proto: &crate::bytecode::FuncProto) -> &str {
    &proto.name
}

/// Whether `args` are exactly the fields of `st`, in order and each of its
/// declared type, for a struct without `__init__`: the memberwise
/// constructor would take them as they are (the hot loop's `P(x, y)`).
#[inline]
pub(crate) fn plain_memberwise(st: &StructType, args: &[Value]) -> bool {
    args.len() == st.fields.len()
        && st.method_index("__init__").is_none()
        && st.field_types.iter().zip(args).all(|(check, v)| check.as_ref().is_none_or(|c| type_matches(c, v)))
}

/// The memberwise constructor: fields in order, or by name, with defaults.
fn memberwise(st: &Arc<StructType>, args: Args) -> RtResult<Value> {
    let n = st.fields.len();
    if args.pos.len() > n {
        return Err(Thrown::type_error(format!(
            "`{}` has {n} field{} but {} arguments were given",
            st.name,
            if n == 1 { "" } else { "s" },
            args.pos.len()
        )));
    }
    let mut fields: Vec<Option<Value>> = vec![None; n];
    for (i, v) in args.pos.into_iter().enumerate() {
        fields[i] = Some(v);
    }
    for (name, v) in args.kw {
        match st.field_index(&name) {
            Some(i) if fields[i].is_some() => {
                return Err(Thrown::type_error(format!("field `{name}` of `{}` given twice", st.name)))
            }
            Some(i) => fields[i] = Some(v),
            None => return Err(Thrown::type_error(format!("`{}` has no field `{name}`", st.name))),
        }
    }
    let mut out = Vec::with_capacity(n);
    for (i, f) in fields.into_iter().enumerate() {
        let v = match f.or_else(|| st.field_defaults[i].clone()) {
            Some(v) => v,
            None => return Err(Thrown::type_error(format!("`{}` is missing field `{}`", st.name, st.fields[i]))),
        };
        if let Some(check) = &st.field_types[i] {
            if !type_matches(check, &v) {
                return Err(Thrown::type_error(format!(
                    "field `{}` of `{}` must be {}, got {}",
                    st.fields[i],
                    st.name,
                    check.name(),
                    v.type_name()
                )));
            }
        }
        out.push(v);
    }
    Ok(Value::Struct(Arc::new(StructObj { ty: st.clone(), fields: out })))
}

/// Does `v` satisfy an annotation?
#[inline(always)]
pub fn type_matches(check: &TypeCheck, v: &Value) -> bool {
    match (check, v) {
        (TypeCheck::Builtin(crate::types::BuiltinType::Int), Value::Int(_)) => true,
        _ => type_matches_slow(check, v),
    }
}

#[inline(never)]
fn type_matches_slow(check: &TypeCheck, v: &Value) -> bool {
    match check {
        TypeCheck::Builtin(b) => b.contains(v),
        TypeCheck::Named(name) => match v {
            Value::Struct(s) => &s.ty.name == name || s.ty.traits.iter().any(|t| t == name),
            Value::Error(e) => &*e.kind == name || name == "Error",
            _ => false,
        },
        TypeCheck::Callable => matches!(v, Value::Func(_) | Value::Native(_) | Value::Bound(_) | Value::Type(_)),
    }
}
