//! Calls: binding arguments to parameters (positional, keyword, defaults,
//! `*args`, annotation checks), constructors, method dispatch on structs
//! and builtin values, and the user dunder protocols (`__iter__`,
//! `__next__`, `__eq__`, `__lt__`, `__add__`, `__getitem__`).

use super::{Frame, FrameFn, FrameKind, Vm, Writeback, MAX_FRAMES};
use crate::builtins::{methods, Args};
use crate::bytecode::{CallSite, MethodSite, Place, SelfKind, TypeCheck};
use crate::error::{ErrorObj, RtResult, Thrown};
use crate::iter::IterState;
use crate::task::CoroutineObj;
use crate::types::{BuiltinType, StructType, TypeInfo};
use crate::value::{BoundMethod, Closure, StructObj, Value};
use parser::ast::BinOp;
use std::cmp::Ordering;
use std::sync::Arc;

pub enum IterStep {
    Item(Value),
    Done,
    /// A `__next__` frame was pushed.
    Called,
}

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
                    let name = closure.proto.name.clone();
                    let co = CoroutineObj::new(name, Value::Func(closure), args.pos, args.kw);
                    self.push(Value::Coroutine(Arc::new(co)));
                    return Ok(false);
                }
                self.enter(closure, callee_at, argc, kw, FrameKind::Normal)?;
                Ok(true)
            }
            Value::Native(i) => {
                let args = self.take_args(argc, kw);
                self.pop();
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
                Err(Thrown::type_error(format!("a {} is not callable", other.type_name())))
            }
        }
    }

    pub(crate) fn call_site(&mut self, site: &CallSite) -> RtResult<bool> {
        if site.stars.is_empty() {
            return self.call(site.argc as usize, Some(&site.kwnames));
        }
        // Expand `*xs` spreads into positional arguments.
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
        self.call(argc, Some(&site.kwnames))
    }

    fn take_args(&mut self, argc: usize, kw: Option<&[Arc<str>]>) -> Args {
        let nkw = kw.map_or(0, |k| k.len());
        let kwvals = self.pop_n(nkw);
        let pos = self.pop_n(argc);
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
        self.fiber.frames.push(Frame { closure: func, ip: 0, base, ret_at, kind });
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

    /// `recv.name(args)`. With a place, a mutating method updates it in place.
    pub(crate) fn call_method(&mut self, site: &MethodSite, place: Option<Place>) -> RtResult<bool> {
        let argc = site.call.argc as usize;
        let nkw = site.call.kwnames.len();
        let kw = if nkw == 0 { None } else { Some(&site.call.kwnames[..]) };
        let nidx = place.as_ref().map_or(0, |p| p.index_count());
        let len = self.fiber.stack.len();
        let args_at = len - argc - nkw;
        let recv = match &place {
            Some(p) => {
                let indices = self.fiber.stack[args_at - nidx..args_at].to_vec();
                self.load_place(p, &indices)?
            }
            None => self.fiber.stack[args_at - 1].clone(),
        };
        if let Value::Struct(obj) = &recv {
            if let Some(method) = obj.ty.method(&site.name) {
                let Value::Func(closure) = method else {
                    return Err(Thrown::type_error(format!("`{}.{}` is not a function", obj.ty.name, site.name)));
                };
                let self_kind = closure.proto.self_kind;
                let (argc, nkw) = if matches!(&*site.name, "__exit__" | "__aexit__")
                    && argc == 1
                    && closure.proto.params.len() == usize::from(self_kind != SelfKind::None)
                {
                    // `fn __exit__(mut self)` does not want the error: drop it.
                    self.pop();
                    (0, nkw)
                } else {
                    (argc, nkw)
                };
                if closure.proto.is_async {
                    // An async method: a coroutine over a copy of the receiver.
                    let args = self.pop_n(argc + nkw);
                    let mut place_indices = Vec::new();
                    let this = if place.is_some() {
                        place_indices = self.pop_n(nidx);
                        recv
                    } else {
                        self.pop()
                    };
                    let nidx_taken = 0;
                    let mut pos = Vec::with_capacity(argc + 1);
                    if self_kind != SelfKind::None {
                        pos.push(this);
                    }
                    let mut it = args.into_iter();
                    pos.extend(it.by_ref().take(argc));
                    let kwargs = site.call.kwnames.iter().cloned().zip(it).collect();
                    let mut co =
                        CoroutineObj::new(closure.proto.name.clone(), Value::Func(closure.clone()), pos, kwargs);
                    if let (Some(p), SelfKind::Mut) = (&place, self_kind) {
                        // `await obj.method()` in this frame writes `self` back.
                        let indices = self.fiber.stack[self.fiber.stack.len() - nidx_taken..].to_vec();
                        let _ = indices;
                        co.writeback = Some((p.clone(), place_indices, self.fiber.frames.len()));
                    }
                    self.push(Value::Coroutine(Arc::new(co)));
                    return Ok(false);
                }
                // Lay out [callee, self, args..] where the receiver (or the
                // place's index values) sat.
                let args = self.pop_n(argc + nkw);
                let (this, kind) = match (&place, self_kind) {
                    (Some(p), SelfKind::Mut | SelfKind::Out) if p.readonly => {
                        let what = if p.text.starts_with("self") {
                            "`self` is read-only in this method".to_string()
                        } else {
                            "it is a `let` binding".to_string()
                        };
                        return Err(Thrown::type_error(format!(
                            "cannot call `mut self` method `{}` on `{}`: {what} (declare it with `var`, or take `mut self`)",
                            site.name, p.text
                        )));
                    }
                    (Some(p), SelfKind::Mut | SelfKind::Out) => {
                        let indices = self.pop_n(nidx);
                        drop(recv);
                        let this = self.take_place(p, &indices)?;
                        (this, FrameKind::Writeback(Box::new(Writeback { place: p.clone(), indices })))
                    }
                    (Some(_), _) => {
                        self.pop_n(nidx);
                        (recv, FrameKind::Normal)
                    }
                    (None, _) => (self.pop(), FrameKind::Normal),
                };
                let callee_at = self.fiber.stack.len();
                self.push(Value::Func(closure.clone()));
                if self_kind != SelfKind::None {
                    self.push(this);
                }
                self.fiber.stack.extend(args);
                let n = argc + usize::from(self_kind != SelfKind::None);
                self.enter(closure, callee_at, n, kw, kind)?;
                return Ok(true);
            }
            if let Some(i) = obj.ty.field_index(&site.name) {
                // A field holding a function: call it.
                let f = obj.fields[i].clone();
                let args = self.pop_n(argc + nkw);
                self.pop_n(if place.is_some() { nidx } else { 1 });
                let callee_at = self.fiber.stack.len();
                self.push(f);
                self.fiber.stack.extend(args);
                let _ = callee_at;
                return self.call(argc, kw);
            }
            return Err(Thrown::new("AttributeError", format!("`{}` has no method `{}`", obj.ty.name, site.name)));
        }
        if let Value::Type(t) = &recv {
            if let TypeInfo::Struct(st) = &**t {
                if let Some(f) = st.method(&site.name) {
                    let args = self.pop_n(argc + nkw);
                    self.pop_n(if place.is_some() { nidx } else { 1 });
                    self.push(f);
                    self.fiber.stack.extend(args);
                    return self.call(argc, kw);
                }
            }
        }
        // Builtin receiver.
        let kwvals = self.pop_n(nkw);
        let pos = self.pop_n(argc);
        let kwargs = kw.map(|names| names.iter().cloned().zip(kwvals).collect()).unwrap_or_default();
        let args = Args { pos, kw: kwargs };
        let result = match place {
            Some(p) if methods::is_mutating(&recv, &site.name) => {
                let indices = self.pop_n(nidx);
                drop(recv);
                let mut this = self.take_place(&p, &indices)?;
                let r = methods::call(self, &mut this, &site.name, args);
                self.put_place(&p, &indices, this)?;
                r?
            }
            Some(_) => {
                self.pop_n(nidx);
                let mut this = recv;
                methods::call(self, &mut this, &site.name, args)?
            }
            None => {
                let mut this = self.pop();
                drop(recv);
                methods::call(self, &mut this, &site.name, args)?
            }
        };
        self.push(result);
        Ok(false)
    }

    /// `obj.name` as a value.
    pub(crate) fn get_attr(&mut self, obj: Value, name: &str) -> RtResult<Value> {
        match &obj {
            Value::Struct(s) => {
                if let Some(i) = s.ty.field_index(name) {
                    return Ok(s.fields[i].clone());
                }
                if let Some(m) = s.ty.method(name) {
                    if let Value::Func(c) = &m {
                        if c.proto.self_kind == SelfKind::None {
                            return Ok(m);
                        }
                    }
                    return Ok(Value::Bound(Arc::new(BoundMethod {
                        receiver: obj.clone(),
                        method: m,
                        name: name.into(),
                    })));
                }
                Err(Thrown::new("AttributeError", format!("`{}` has no field or method `{name}`", s.ty.name)))
            }
            Value::Handle(h) => match &**h {
                crate::handles::Handle::Foreign(f) => match f.attr(name) {
                    Some(v) => Ok(v),
                    None if f.method_names().contains(&name) => Ok(Value::Bound(Arc::new(BoundMethod {
                        receiver: obj.clone(),
                        method: Value::None,
                        name: name.into(),
                    }))),
                    None => Err(Thrown::new("AttributeError", format!("{} has no attribute `{name}`", f.type_name()))),
                },
                _ if methods::has_method(&obj, name) => Ok(Value::Bound(Arc::new(BoundMethod {
                    receiver: obj.clone(),
                    method: Value::None,
                    name: name.into(),
                }))),
                _ => Err(Thrown::new("AttributeError", format!("{} has no attribute `{name}`", obj.type_name()))),
            },
            Value::Module(m) => match m.globals.names.iter().position(|n| n == name) {
                Some(i) => m.globals.get(i).ok_or_else(|| {
                    Thrown::new(
                        "Error",
                        format!("`{}.{name}` is used before module `{}` finished running", m.name, m.name),
                    )
                }),
                None => Err(Thrown::new("AttributeError", format!("module `{}` has no name `{name}`", m.name))),
            },
            Value::Error(e) => match name {
                "kind" => Ok(Value::str(e.kind.to_string())),
                "message" => Ok(Value::str(e.message.clone())),
                _ => Err(Thrown::new("AttributeError", format!("an error has `kind` and `message`, not `{name}`"))),
            },
            Value::Type(t) => match &**t {
                TypeInfo::HandleKind(_) if name == "new" => Ok(Value::Bound(Arc::new(BoundMethod {
                    receiver: obj.clone(),
                    method: Value::None,
                    name: name.into(),
                }))),
                TypeInfo::Channel(_) if matches!(name, "new" | "with_capacity") => {
                    Ok(Value::Bound(Arc::new(BoundMethod {
                        receiver: obj.clone(),
                        method: Value::None,
                        name: name.into(),
                    })))
                }
                TypeInfo::Struct(st) => st.method(name).ok_or_else(|| {
                    Thrown::new("AttributeError", format!("struct `{}` has no method `{name}`", st.name))
                }),
                _ => Err(Thrown::new("AttributeError", format!("type `{}` has no attribute `{name}`", t.name()))),
            },
            _ => {
                if methods::has_method(&obj, name) {
                    Ok(Value::Bound(Arc::new(BoundMethod {
                        receiver: obj.clone(),
                        method: Value::None,
                        name: name.into(),
                    })))
                } else {
                    Err(Thrown::new("AttributeError", format!("{} has no attribute `{name}`", obj.type_name())))
                }
            }
        }
    }

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
        Err(Thrown::type_error(format!("a {} is not iterable", v.type_name())))
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
                None => Err(Thrown::type_error(format!("a {} is not iterable", other.type_name()))),
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
                    Value::Some(x) => out.push(Arc::unwrap_or_clone(x)),
                    Value::None => break,
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
        Err(Thrown::type_error(format!("a {} is not iterable", v.type_name())))
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

    pub(crate) fn equal(&mut self, a: &Value, b: &Value) -> RtResult<bool> {
        if let (Value::Struct(x), Value::Struct(_)) = (a, b) {
            if let Some(eq) = x.ty.method("__eq__") {
                let r = self.call_value(eq, vec![a.clone(), b.clone()])?;
                return super::exec::expect_bool(&r, "the result of __eq__");
            }
        }
        Ok(crate::ops::values_equal(a, b))
    }

    pub(crate) fn order(&mut self, a: &Value, b: &Value, op: &str) -> RtResult<Ordering> {
        if let Value::Struct(x) = a {
            if let Some(lt) = x.ty.method("__lt__") {
                let less = self.call_value(lt.clone(), vec![a.clone(), b.clone()])?;
                if super::exec::expect_bool(&less, "the result of __lt__")? {
                    return Ok(Ordering::Less);
                }
                let greater = self.call_value(lt, vec![b.clone(), a.clone()])?;
                return Ok(if super::exec::expect_bool(&greater, "the result of __lt__")? {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                });
            }
        }
        crate::ops::compare_or_error(a, b, op)
    }

    pub(crate) fn struct_binary(&mut self, op: BinOp, a: Value, b: Value) -> RtResult<Value> {
        let dunder = match op {
            BinOp::Add => "__add__",
            BinOp::Sub => "__sub__",
            BinOp::Mul => "__mul__",
            BinOp::Div => "__truediv__",
            _ => "",
        };
        if let Value::Struct(s) = &a {
            if let Some(m) = s.ty.method(dunder) {
                return self.call_value(m, vec![a.clone(), b]);
            }
        }
        crate::ops::binary(op, &a, &b)
    }

    pub(crate) fn struct_getitem(&mut self, obj: Value, idx: Value) -> RtResult<Value> {
        if let Value::Struct(s) = &obj {
            if let Some(m) = s.ty.method("__getitem__") {
                return self.call_value(m, vec![obj.clone(), idx]);
            }
            return Err(Thrown::type_error(format!("`{}` cannot be indexed (define `__getitem__`)", s.ty.name)));
        }
        methods::index(&obj, &idx)
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
