//! Method calls and attribute reads: `recv.name(args)` on structs (user
//! methods, `mut self` write-back through places, async methods as
//! coroutines), on types (static methods, `Channel[T]::new`), on modules
//! and on builtin values; and `obj.name` as a value.

use super::hot_stack::HotStack;
use super::{type_matches, FrameFn, FrameKind, Globals, Vm, Writeback, MAX_FRAMES};
use crate::builtins::{methods, Args};
use crate::bytecode::{CachedMethod, FuncProto, MethodSite, Place, PlaceRoot, SelfKind};
use crate::error::{RtResult, Thrown};
use crate::task::CoroutineObj;
use crate::task_name::TaskName;
use crate::types::TypeInfo;
use crate::value::{BoundMethod, Closure, Value};
use std::sync::Arc;

/// The method a site guesses its receiver's type has: the closure its
/// hidden global (`MethodSite::guess`) holds.
#[inline]
fn guessed_method<'a>(site: &MethodSite, globals: &'a Globals) -> Option<&'a Arc<Closure>> {
    match globals.frozen_ref(site.guess? as usize) {
        Some(Value::Func(closure)) => Some(closure),
        _ => None,
    }
}

/// The method `site` calls on a struct of type `ty`: through the site's
/// cache (filled by `enter_struct_method`), else looked up by name.
fn site_method<'a>(site: &MethodSite, ty: &'a crate::types::StructType) -> Option<&'a Value> {
    match site.cache.get(ty.id) {
        Some(c) => ty.methods.get(c.index).map(|(_, m)| m),
        None => ty.method_ref(&site.name),
    }
}

/// What `Vm::local_method_quick` did.
pub(crate) const QUICK_NONE: u8 = 0;
/// A method's frame was pushed.
pub(crate) const QUICK_ENTERED: u8 = 1;
/// A task was spawned from the call: the `Call(1)` of `spawn` that follows
/// is skipped.
pub(crate) const QUICK_SPAWNED: u8 = 2;

impl Vm {
    /// The function of a task or coroutine made from a method of `ty`:
    /// borrowed when the type is pinned (a frozen global holds it and its
    /// methods never change, see `FrameFn::Global`).
    fn task_fn(closure: &Arc<crate::value::Closure>, ty: &crate::types::StructType) -> FrameFn {
        if ty.pinned.load(std::sync::atomic::Ordering::Acquire) {
            FrameFn::Global(Arc::as_ptr(closure))
        } else {
            FrameFn::Owned(closure.clone())
        }
    }

    /// The fast entry of `recv.name(args)`: `recv` a struct (on the stack,
    /// or a local variable) whose method `name` is a sync method with a
    /// read-only `self`, called with its exact positional arguments, whose
    /// annotations they satisfy. The method is found through the site's
    /// cache (no lookup by name), and its frame is pushed over `[self,
    /// args…]` as `CallGlobal` does for a function. None, with nothing
    /// changed, for everything else (which `call_method` handles, errors
    /// included). Returns the entered frame's closure, base and `self_ty`.
    /// Runs in the hot loop, on its `HotStack`.
    #[inline(always)]
    pub(crate) fn enter_struct_method(
        &mut self,
        hs: &mut HotStack,
        site: &MethodSite,
        base: usize,
        self_ty: u32,
        globals: &Globals,
    ) -> Option<(*const Closure, usize, u32)> {
        if self.fiber.frames.len() >= MAX_FRAMES {
            return None;
        }
        let argc = site.call.argc as usize;
        let args_at = hs.len().checked_sub(argc)?;
        let recv_at = match (site.local, site.place) {
            // A local, below the arguments (always, in compiled code).
            (Some(slot), _) => Some(base + slot as usize).filter(|&at| at < args_at)?,
            (None, None) => args_at.checked_sub(1)?,
            (None, Some(_)) => return None,
        };
        // `self.m(…)` in a frame that knows its `self`'s type (`Frame::self_ty`)
        // with the guessed method cached for it: neither the receiver nor its
        // type is read.
        let known = site.local == Some(0) && self_ty != 0 && site.cache.guessed_for(self_ty);
        let (closure, pinned, type_id) = if known {
            (guessed_method(site, globals)?, true, self_ty)
        } else {
            Self::struct_method_of(site, hs.get(recv_at), argc, globals)?
        };
        let proto = &closure.proto;
        let entry = closure.entry();
        if entry.simple {
            if !entry.ints_hold(1, hs.top_n(argc)) {
                return None;
            }
        } else {
            let checks = proto.param_types.get(1..).unwrap_or_default();
            for (check, v) in checks.iter().zip(hs.top_n(argc)) {
                if let Some(t) = check {
                    if !type_matches(t, v) {
                        return None;
                    }
                }
            }
        }
        let frame_fn = if pinned { FrameFn::Global(Arc::as_ptr(closure)) } else { FrameFn::Owned(closure.clone()) };
        let entered = Arc::as_ptr(closure);
        let nslots = usize::from(entry.nslots);
        let lend = site.local.is_some() && entry.self_borrowable;
        // The callee's `self` keeps this type while it runs when nothing
        // writes its slot.
        let self_known = entry.self_borrowable;
        let callee_at = match site.local {
            None => recv_at,
            Some(_) => {
                // `self` goes below the arguments (moved up one). Lent when
                // the method never writes its slot: a bitwise copy of the
                // caller's local, which outlives the call (the caller is
                // suspended below it and nothing else can reach its slots),
                // so no reference is taken or dropped; every way the frame
                // goes forgets it (`FrameKind::BorrowedSelf`).
                if lend {
                    // SAFETY: as just said.
                    unsafe { hs.insert_copy_under(&mut self.fiber.stack, argc, recv_at) };
                } else {
                    let this = hs.get(recv_at).cloned().unwrap_or_default();
                    hs.insert_under(&mut self.fiber.stack, argc, this);
                }
                args_at
            }
        };
        while hs.len() < callee_at + nslots {
            hs.push_with(&mut self.fiber.stack, || Value::None);
        }
        let kind = if lend { FrameKind::BorrowedSelf } else { FrameKind::Normal };
        let self_ty = if self_known { type_id } else { 0 };
        self.push_frame_of(frame_fn, callee_at, callee_at, kind, self_ty);
        Some((entered, callee_at, self_ty))
    }

    /// `enter_struct_method` for `self.m(args)` in a frame that knows its
    /// `self`'s type (`self_ty`, nonzero) when the site's cache holds the
    /// guessed method for that type and the method never writes its `self`:
    /// the common call of a method on its own struct, with only the checks
    /// that case needs (the cache entry's verdict stands for the rest).
    /// `self` is lent to the callee, which keeps `self_ty`. Returns the
    /// entered closure and its frame's base, or None with nothing changed.
    #[inline(always)]
    pub(crate) fn enter_self_method(
        &mut self,
        hs: &mut HotStack,
        site: &MethodSite,
        base: usize,
        self_ty: u32,
        globals: &Globals,
    ) -> Option<(*const Closure, usize)> {
        if !site.cache.lends_guessed_for(self_ty) {
            return None;
        }
        let closure = guessed_method(site, globals)?;
        let entry = closure.entry();
        let argc = site.call.argc as usize;
        let args_at = hs.len().checked_sub(argc)?;
        let ok = base < args_at && self.fiber.frames.len() < MAX_FRAMES && entry.ints_hold(1, hs.top_n(argc));
        if !ok {
            return None;
        }
        // SAFETY: as in `enter_struct_method` (a lent `self`).
        unsafe { hs.insert_copy_under(&mut self.fiber.stack, argc, base) };
        let nslots = usize::from(entry.nslots);
        while hs.len() < args_at + nslots {
            hs.push_with(&mut self.fiber.stack, || Value::None);
        }
        let entered = Arc::as_ptr(closure);
        self.push_frame_of(FrameFn::Global(entered), args_at, args_at, FrameKind::BorrowedSelf, self_ty);
        Some((entered, args_at))
    }

    /// The method `enter_struct_method` may enter for the receiver `recv`
    /// (through the site's cache, filled here on a miss), whether
    /// its type is pinned, and the type's id; None when the receiver is not
    /// a struct or the call must take the general way.
    fn struct_method_of<'a>(
        site: &MethodSite,
        recv: Option<&'a Value>,
        argc: usize,
        globals: &'a Globals,
    ) -> Option<(&'a Arc<Closure>, bool, u32)> {
        let Some(Value::Struct(obj)) = recv else { return None };
        let ty = &obj.ty;
        // Whether the site may enter the method directly was decided when
        // the cache entry was made: a hit skips those checks.
        match site.cache.get(ty.id) {
            // The guessed method: read from its global (which holds it for
            // as long as the program runs), a load that does not wait for
            // the receiver's type to arrive.
            Some(CachedMethod { direct: true, guessed: true, .. }) => {
                guessed_method(site, globals).map(|closure| (closure, true, ty.id))
            }
            Some(CachedMethod { index, direct: true, pinned, .. }) => match ty.methods.get(index) {
                Some((_, Value::Func(closure))) => Some((closure, pinned, ty.id)),
                _ => None,
            },
            Some(CachedMethod { direct: false, .. }) => None,
            None => {
                let i = ty.method_index(&site.name)?;
                let Some((_, Value::Func(closure))) = ty.methods.get(i) else { return None };
                let p = &closure.proto;
                let direct = site.call.kwnames.is_empty()
                    && site.call.stars.is_empty()
                    && !p.is_async
                    && p.self_kind == SelfKind::Read
                    && !p.has_star
                    && p.params.len() == argc + 1
                    && p.capture_slots.is_empty();
                let pinned = ty.pinned.load(std::sync::atomic::Ordering::Acquire);
                // The guess holds when the method global holds this very
                // closure (a type's methods never change, and a frozen
                // global is written once).
                let guessed = guessed_method(site, globals).is_some_and(|f| Arc::ptr_eq(f, closure));
                let entry = closure.entry();
                let lends = direct && site.local.is_some() && entry.simple && entry.self_borrowable;
                site.cache.set(ty.id, CachedMethod { index: i, direct, pinned, guessed, lends });
                direct.then_some((closure, pinned, ty.id))
            }
        }
    }

    /// Whether the instruction after the running one is an `Await`.
    fn awaits_next(&self) -> bool {
        let Some(frame) = self.fiber.frames.last() else { return false };
        matches!(frame.closure.get().proto.code.get(frame.ip), Some(crate::bytecode::Op::Await))
    }

    /// Lands the result of `handles::context_call` in place of the call's
    /// arguments and receiver (or the place's index values): a ready result
    /// skips the `Await` that follows (awaiting a ready future would only
    /// hand it over: nothing suspends, so no cancellation is raised there);
    /// true then, as for an entered frame: the frame's `ip` moved.
    fn context_step(
        &mut self,
        step: crate::handles::ContextStep,
        argc: usize,
        nidx: usize,
        has_place: bool,
    ) -> RtResult<bool> {
        let under = argc + if has_place { nidx } else { 1 };
        let len = self.fiber.stack.len();
        self.fiber.stack.truncate(len.saturating_sub(under));
        match step {
            crate::handles::ContextStep::Ready(v) => {
                self.push(v);
                if let Some(f) = self.fiber.frames.last_mut() {
                    f.ip += 1; // past the `Await`
                }
                // The frame's `ip` moved: the caller reloads it.
                Ok(true)
            }
            crate::handles::ContextStep::Await(fut) => {
                self.push(fut);
                Ok(false)
            }
        }
    }

    /// Whether the instruction after the running one is a `Call(1)` of the
    /// builtin `spawn`, which sits on top of the stack: the value about to
    /// be pushed is spawned at once.
    fn spawns_next(&self) -> bool {
        let Some(frame) = self.fiber.frames.last() else { return false };
        matches!(frame.closure.get().proto.code.get(frame.ip), Some(crate::bytecode::Op::Call(1)))
            && matches!(self.fiber.stack.last(), Some(Value::Native(i)) if Some(*i) == crate::builtins::spawn_index())
    }

    /// `c.add(x)`: a sync `mut self` method of the struct in a local (a
    /// plain variable, no path). `self` moves out of the local, under the
    /// arguments, and back when the frame goes (`FrameKind::WritebackLocal`):
    /// no copy of the struct and no count taken on it. False, with nothing
    /// changed, for any other call.
    fn enter_mut_method_on_local(
        &mut self,
        site: &MethodSite,
        place: &Place,
        args_at: usize,
        argc: usize,
        kw: Option<&[Arc<str>]>,
    ) -> RtResult<bool> {
        let (PlaceRoot::Local(s), [], false) = (place.root, &place.steps[..], place.readonly) else { return Ok(false) };
        if matches!(&*site.name, "__exit__" | "__aexit__") {
            return Ok(false);
        }
        let at = self.base() + s as usize;
        let Some(Value::Struct(obj)) = self.fiber.stack.get(at) else { return Ok(false) };
        let Some(Value::Func(closure)) = site_method(site, &obj.ty) else { return Ok(false) };
        let p = &closure.proto;
        if p.is_async || !matches!(p.self_kind, SelfKind::Mut | SelfKind::Out) || at >= args_at {
            return Ok(false);
        }
        // Only a call that cannot fail to enter (one argument per
        // parameter, each of its annotated type): `self` must not be lost
        // to a binding error. Anything else takes the general way.
        let args = self.fiber.stack.get(args_at..).unwrap_or_default();
        let entry = closure.entry();
        let no_kw = kw.is_none_or(|k| k.is_empty());
        let bound_one_to_one = no_kw
            && !p.has_star
            && p.params.len() == argc + 1
            && self.fiber.frames.len() < MAX_FRAMES
            && if entry.simple {
                entry.ints_hold(1, args)
            } else {
                p.param_types.iter().skip(1).zip(args).all(|(t, v)| t.as_ref().is_none_or(|t| type_matches(t, v)))
            };
        if !bound_one_to_one || args.len() != argc {
            return Ok(false);
        }
        // Borrowed from a pinned type (its methods live as long as the
        // program: `FrameFn::Global`), else counted.
        let func = Self::task_fn(closure, &obj.ty);
        let (simple, nslots) = (entry.simple, usize::from(entry.nslots));
        let this = self.fiber.stack.get_mut(at).map(std::mem::take).unwrap_or_default();
        self.fiber.stack.insert(args_at, this);
        if simple {
            // Nothing left to bind: the frame is pushed as `enter_at` would.
            let nslots = nslots.max(argc + 1);
            self.fiber.stack.resize(args_at + nslots, Value::None);
            self.push_frame(func, args_at, args_at, FrameKind::WritebackLocal(at));
            return Ok(true);
        }
        self.enter_at(func, args_at, args_at, argc + 1, kw, FrameKind::WritebackLocal(at))?;
        Ok(true)
    }

    /// The hot loop's last tries at a `CallMethod` whose receiver is a
    /// local (it has tried the other fast cases), out of line but without
    /// `step`: `enter_mut_method_on_local` (what `call_method` begins
    /// with), then `spawn_local_method`. `QUICK_NONE`, with nothing
    /// changed, for any other call, which then takes `step`.
    #[inline(never)]
    pub(crate) fn local_method_quick(&mut self, site: &MethodSite, proto: &FuncProto) -> RtResult<u8> {
        if !site.call.stars.is_empty() || site.local.is_none() {
            return Ok(QUICK_NONE);
        }
        let Some(place) = site.place.and_then(|p| proto.places.get(p as usize)) else { return Ok(QUICK_NONE) };
        let argc = site.call.argc as usize;
        let nkw = site.call.kwnames.len();
        let kw = if nkw == 0 { None } else { Some(&site.call.kwnames[..]) };
        let Some(args_at) = self.fiber.stack.len().checked_sub(argc + nkw) else { return Ok(QUICK_NONE) };
        if self.enter_mut_method_on_local(site, place, args_at, argc, kw)? {
            return Ok(QUICK_ENTERED);
        }
        if nkw == 0 && self.spawn_local_method(site, args_at) {
            return Ok(QUICK_SPAWNED);
        }
        Ok(QUICK_NONE)
    }

    /// `spawn(obj.m(args))` with `obj` a struct in a local and `m` an async
    /// method with a read-only `self`, positional arguments only: the task
    /// is made straight from the call, over a copy of `obj` and the
    /// arguments moved off the stack, and replaces the `spawn` under them
    /// (the caller skips its `Call(1)`). What `call_method` does for the
    /// call, without its general preparation; false, with nothing changed,
    /// for any other call.
    fn spawn_local_method(&mut self, site: &MethodSite, args_at: usize) -> bool {
        let (Some(slot), Some(frame)) = (site.local, self.fiber.frames.last()) else { return false };
        let recv_at = frame.base + slot as usize;
        let spawn_next = matches!(frame.closure.get().proto.code.get(frame.ip), Some(crate::bytecode::Op::Call(1)));
        let spawn_under = args_at.checked_sub(1).and_then(|at| self.fiber.stack.get(at));
        let is_spawn = matches!(spawn_under, Some(Value::Native(i)) if Some(*i) == crate::builtins::spawn_index());
        if recv_at >= args_at || !spawn_next || !is_spawn {
            return false;
        }
        if self.ctx.is_none() {
            return false;
        }
        let Some(Value::Struct(obj)) = self.fiber.stack.get(recv_at) else { return false };
        let Some(Value::Func(closure)) = site_method(site, &obj.ty) else { return false };
        if !closure.proto.is_async || closure.proto.self_kind != SelfKind::Read {
            return false;
        }
        let func = Self::task_fn(closure, &obj.ty);
        let name = TaskName::of_fn(&func);
        let this = Value::Struct(obj.clone());
        let pos = self.pop_call_args_after(Some(this), self.fiber.stack.len() - args_at);
        // (Checked above; borrowed again, not cloned: its count is shared
        // by every worker.)
        let Some(ctx) = &self.ctx else { return false };
        let task = ctx.spawn_fn_call((func, pos, Vec::new()), name);
        // The builtin `spawn` sat under the arguments: the task takes its place.
        if let Some(top) = self.fiber.stack.last_mut() {
            *top = Value::Task(task);
        }
        true
    }

    /// `recv.name(args)`. With a place, a mutating method updates it in place.
    /// `argc`: the positional arguments on the stack (`*xs` spread).
    pub(crate) fn call_method(&mut self, site: &MethodSite, argc: usize, place: Option<&Place>) -> RtResult<bool> {
        let nkw = site.call.kwnames.len();
        let kw = if nkw == 0 { None } else { Some(&site.call.kwnames[..]) };
        let nidx = place.map_or(0, |p| p.index_count());
        let len = self.fiber.stack.len();
        let args_at = len - argc - nkw;
        if let Some(p) = place {
            if self.enter_mut_method_on_local(site, p, args_at, argc, kw)? {
                return Ok(true);
            }
        }
        let recv = match place {
            Some(p) => {
                let indices = self.fiber.stack[args_at - nidx..args_at].to_vec();
                self.load_place(p, &indices)?
            }
            None => self.fiber.stack[args_at - 1].clone(),
        };
        if let (Value::Handle(h), 0, true) = (&recv, nkw, argc <= 1) {
            if self.awaits_next() {
                let arg = if argc == 1 { self.fiber.stack.last() } else { None };
                if let Some(step) = crate::handles::context_call(h, &site.name, arg) {
                    return self.context_step(step?, argc, nidx, place.is_some());
                }
            }
        }
        if let Value::Struct(obj) = &recv {
            if let Some(method) = site_method(site, &obj.ty) {
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
                    let func = Self::task_fn(closure, &obj.ty);
                    let fn_name = TaskName::of_fn(&func);
                    // The arguments move from the stack into the call (no
                    // list in between), after a slot for `self`.
                    let has_self = self_kind != SelfKind::None;
                    let mut pos = crate::task::CallArgs::new();
                    if has_self {
                        pos.push(Value::None);
                    }
                    let args_at = self.fiber.stack.len().saturating_sub(argc + nkw);
                    let kwargs: crate::task::Keywords = {
                        let mut moved = self.fiber.stack.drain(args_at..);
                        pos.extend(moved.by_ref().take(argc));
                        site.call.kwnames.iter().cloned().zip(moved).collect()
                    };
                    // Under them: the place's index values, or the receiver.
                    let (this, place_indices) = match place {
                        Some(_) => (recv, self.pop_n(nidx)),
                        None => (self.pop(), Vec::new()),
                    };
                    if let (true, Some(slot)) = (has_self, pos.first_mut()) {
                        *slot = this;
                    }
                    if !matches!((place, self_kind), (Some(_), SelfKind::Mut)) && self.spawns_next() {
                        // `spawn(obj.method(args))`: the task is made straight
                        // from the call, with no coroutine in between.
                        if let Some(ctx) = &self.ctx {
                            let task = ctx.spawn_fn_call((func, pos, kwargs), fn_name);
                            if let Some(top) = self.fiber.stack.last_mut() {
                                *top = Value::Task(task);
                            }
                            if let Some(f) = self.fiber.frames.last_mut() {
                                f.ip += 1; // past the `Call(1)` of spawn
                            }
                            return Ok(true);
                        }
                    }
                    let mut co = CoroutineObj::new(fn_name, func, pos, kwargs);
                    if let (Some(p), SelfKind::Mut) = (place, self_kind) {
                        // `await obj.method()` in this frame writes `self` back.
                        co.writeback = Some(Box::new((p.clone(), place_indices, self.fiber.frames.len())));
                    }
                    self.push(Value::Coroutine(Arc::new(co)));
                    return Ok(false);
                }
                let closure = closure.clone();
                // Lay out [callee, self, args..] where the receiver (or the
                // place's index values) sat.
                let args = self.pop_n(argc + nkw);
                let (this, kind) = match (place, self_kind) {
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
                        // Held until the frame is entered: a call that fails
                        // to bind its arguments puts `self` back.
                        let backup = this.clone();
                        let callee_at = self.fiber.stack.len();
                        self.push(Value::Func(closure.clone()));
                        self.push(this);
                        self.fiber.stack.extend(args);
                        let kind =
                            FrameKind::Writeback(Box::new(Writeback { place: p.clone(), indices: indices.clone() }));
                        if let Err(e) = self.enter(closure, callee_at, argc + 1, kw, kind) {
                            self.put_place(p, &indices, backup)?;
                            return Err(e);
                        }
                        return Ok(true);
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
        let pos = self.pop_args(argc);
        let kwargs = kw.map(|names| names.iter().cloned().zip(kwvals).collect()).unwrap_or_default();
        let args = Args { pos, kw: kwargs };
        let result = match place {
            Some(p) if methods::is_mutating(&recv, &site.name) => {
                let indices = self.pop_n(nidx);
                drop(recv);
                let mut this = self.take_place(p, &indices)?;
                let r = methods::call(self, &mut this, &site.name, args);
                self.put_place(p, &indices, this)?;
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

    /// `obj.names[n]` for `GetAttr(n)`/`LoadAttr`: a struct's field is
    /// noted in the site's cache for the hot loop (`run.rs`).
    pub(crate) fn get_attr_caching(&mut self, proto: &FuncProto, n: u32, obj: Value) -> RtResult<Value> {
        let name = proto.names.get(n as usize).cloned().unwrap_or_else(|| "".into());
        if let (Value::Struct(s), Some(cache)) = (&obj, proto.name_caches.get(n as usize)) {
            if let Some(i) = s.ty.cached_field_index(&name, cache) {
                return Ok(s.fields.get(i).cloned().unwrap_or_default());
            }
        }
        self.get_attr(obj, &name)
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
}
