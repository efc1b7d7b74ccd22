//! Calls: direct calls of global functions (`CallGlobal`), keyword and
//! `*args` call sites, method calls on places, module and static members,
//! and the compile-time arity and keyword checks for known callees.

use super::func::push;
use super::{Compiler, GlobalKind};
use crate::bytecode::*;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Arg, Expr, ExprKind};
use std::sync::Arc;

impl Compiler {
    pub(crate) fn call(&mut self, func: &Expr, args: &[Arg], span: Span) {
        if self.in_place_module_call(func, args, span) {
            return;
        }
        if let Some((name, slot)) = self.static_method_slot(func) {
            if args.len() < 256 && args.iter().all(|a| a.name.is_none() && !a.star) {
                self.check_known_call(&name, args, func.span);
                for a in args {
                    self.expr(&a.value);
                }
                self.set_span(span);
                self.emit(Op::CallGlobal { slot, argc: args.len() as u8 });
                return;
            }
        }
        if let ExprKind::Attr { obj, name } = &func.kind {
            if self.module_member_probe(obj)
                || self.user_module_of(obj).is_some()
                || self.static_member_probe(obj, &name.name)
            {
                // math.sqrt(x), mymod.f(x): a plain call of the module function.
            } else if !self.is_type_name(obj) {
                self.method_call(obj, name, args, span);
                return;
            }
        }
        if let ExprKind::Name(n) = &func.kind {
            if n == "spawn" && self.spawn_of_global_call(args, span) {
                return;
            }
            if self.try_inline(n, args, span, false) {
                return;
            }
            self.check_known_call(n, args, func.span);
            if let Some(slot) = self.global_fn_slot(n) {
                if args.len() < 256 && args.iter().all(|a| a.name.is_none() && !a.star) {
                    for a in args {
                        self.expr(&a.value);
                    }
                    self.set_span(span);
                    self.emit(Op::CallGlobal { slot, argc: args.len() as u8 });
                    return;
                }
            }
        }
        self.expr(func);
        self.call_args(args, span);
    }

    /// `spawn(g(a, b))` where `spawn` is the builtin and `g` a global async
    /// fn, with positional arguments only: `SpawnGlobal` (see bytecode.rs).
    /// False, emitting nothing, for any other shape.
    fn spawn_of_global_call(&mut self, args: &[Arg], span: Span) -> bool {
        let spawn_is_builtin = !self.resolves_to_local("spawn")
            && self.fr().self_name.as_deref() != Some("spawn")
            && !self.globals.contains_key("spawn")
            && !self.imports.contains_key("spawn")
            && self.builtin_index("spawn").is_some();
        if !spawn_is_builtin || !self.spawn_global_args(args, span) {
            return false;
        }
        self.set_span(span);
        self.emit(Op::Call(1));
        true
    }

    /// The one argument of a spawn, `g(a, b)` with `g` a global async fn and
    /// positional arguments only: pushes the arguments and emits
    /// `SpawnGlobal`, for the spawning call the caller emits next (`Call(1)`
    /// of the builtin, or `CallMethod` of `tg.spawn`). False, emitting
    /// nothing, for any other argument.
    fn spawn_global_args(&mut self, args: &[Arg], span: Span) -> bool {
        let [arg] = args else { return false };
        if arg.name.is_some() || arg.star {
            return false;
        }
        let ExprKind::Call { func: inner, args: inner_args } = &arg.value.kind else { return false };
        let ExprKind::Name(g) = &inner.kind else { return false };
        let Some(slot) = self.global_fn_slot(g) else { return false };
        let is_async = matches!(self.globals.get(g).map(|x| &x.kind), Some(GlobalKind::Fn { is_async: true, .. }));
        if !is_async || inner_args.len() >= 256 || !inner_args.iter().all(|a| a.name.is_none() && !a.star) {
            return false;
        }
        self.check_known_call(g, inner_args, inner.span);
        for a in inner_args {
            self.expr(&a.value);
        }
        self.set_span(arg.value.span);
        self.emit(Op::SpawnGlobal { slot, argc: inner_args.len() as u8 });
        self.set_span(span);
        true
    }

    /// The argument of `select(arg)` when `inner` is a call of the builtin
    /// `select` with one positional argument.
    pub(crate) fn builtin_select_arg<'e>(&self, inner: &'e Expr) -> Option<&'e Expr> {
        let ExprKind::Call { func, args } = &inner.kind else { return None };
        let ExprKind::Name(n) = &func.kind else { return None };
        let [arg] = args.as_slice() else { return None };
        let is_builtin = n == "select"
            && !self.resolves_to_local("select")
            && !self.globals.contains_key("select")
            && !self.imports.contains_key("select");
        (is_builtin && arg.name.is_none() && !arg.star && self.builtin_index("select").is_some()).then_some(&arg.value)
    }

    /// `await select(chans)` with `select` the builtin and one positional
    /// argument: `SelectReady` takes a value that is ready without making
    /// the select future, else the ordinary call and `Await` run. A list
    /// literal's channels go on the stack as they are (no list is built
    /// unless the select has to wait). With `pair`, the result is left as
    /// its two items, index under value, for a caller that unpacks it.
    /// False, emitting nothing, for any other shape.
    pub(crate) fn select_of_builtin(&mut self, inner: &Expr, span: Span, pair: bool) -> bool {
        let Some(arg) = self.builtin_select_arg(inner) else { return false };
        let Some(select) = self.builtin_index("select") else { return false };
        let literal = match &arg.kind {
            ExprKind::List(items)
                if !items.is_empty()
                    && items.len() < u16::MAX as usize
                    && !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) =>
            {
                Some(items)
            }
            _ => None,
        };
        let locals: Option<Vec<u16>> = literal.and_then(|items| {
            items
                .iter()
                .map(|i| match &i.kind {
                    ExprKind::Name(n) => self.fr().lookup(n).map(|l| l.slot),
                    _ => None,
                })
                .collect()
        });
        if let Some(slots) = locals {
            self.set_span(span);
            let n = slots.len() as u32;
            let site = SelectSite { slots: slots.clone(), pair, target: 0, await_at: 0 };
            let i = super::func::push(&mut self.f().proto.select_sites, site);
            let ready = self.emit(Op::SelectLocals(i));
            for s in slots {
                self.emit(Op::Load(s));
            }
            let await_at = self.select_call(select, Some(n), pair) as u32;
            if let Some(site) = self.f().proto.select_sites.get_mut(i as usize) {
                site.await_at = await_at;
            }
            self.f().patch(ready);
            return true;
        }
        let chans = match literal {
            Some(items) => {
                for i in items {
                    self.expr(i);
                }
                items.len() as u16
            }
            None => {
                self.expr(arg);
                0
            }
        };
        self.set_span(span);
        let ready = self.emit(Op::SelectReady { chans, pair, target: 0 });
        self.select_call(select, (chans > 0).then_some(chans as u32), pair);
        self.f().patch(ready);
        true
    }

    /// The ordinary path of an `await select(…)` whose fast path missed:
    /// `list` channels on the stack made into the list (else the list is
    /// there already), the builtin called and awaited, and the pair
    /// unpacked with `pair`. Returns the index of the `Await`.
    fn select_call(&mut self, select: u32, list: Option<u32>, pair: bool) -> usize {
        if let Some(n) = list {
            self.emit(Op::BuildList(n));
        }
        self.emit(Op::Native(select));
        self.emit(Op::Swap);
        self.emit(Op::Call(1));
        let await_at = self.emit(Op::Await);
        if pair {
            self.emit(Op::Unpack(2));
        }
        await_at
    }

    /// `random.shuffle(xs)` shuffles the caller's list: the call returns the
    /// new list, which is stored back into the place; the expression is None.
    pub(crate) fn in_place_module_call(&mut self, func: &Expr, args: &[Arg], span: Span) -> bool {
        let is_shuffle = match &func.kind {
            ExprKind::Attr { obj, name } => {
                name.name == "shuffle"
                    && self.module_member_probe(obj)
                    && matches!(&obj.kind, ExprKind::Name(m) if self.module_aliases.get(m).map_or(m.as_str(), |s| s.as_str()) == "random")
            }
            ExprKind::Name(n) => {
                matches!(self.imports.get(n), Some(crate::builtins::Builtin::Native(i)) if Some(*i) == crate::builtins::native_index("random.shuffle"))
            }
            _ => false,
        };
        let [arg] = args else { return false };
        if !is_shuffle || arg.name.is_some() || arg.star || !super::place::is_place(&arg.value) {
            return false;
        }
        self.expr(func);
        self.expr(&arg.value);
        self.set_span(span);
        self.emit(Op::Call(1));
        self.assign_to(&arg.value);
        self.emit(Op::None);
        true
    }

    /// The module of your own that `obj` names, unless a variable shadows it.
    pub(crate) fn user_module_of(&self, obj: &Expr) -> Option<Arc<crate::compiler::ModuleSpec>> {
        let ExprKind::Name(m) = &obj.kind else { return None };
        if self.funcs.iter().any(|f| !f.is_module && f.lookup(m).is_some()) {
            return None;
        }
        self.module_locals.get(m).cloned()
    }

    pub(crate) fn check_user_module_member(&mut self, obj: &Expr, name: &ast::Ident) {
        if let Some(spec) = self.user_module_of(obj) {
            if !spec.global_names.contains(&name.name) {
                self.diags.push(
                    Diagnostic::error(name.span, format!("module `{}` has no name `{}`", spec.name, name.name))
                        .with_help(format!("`{}` defines: {}", spec.name, spec.defined_names())),
                );
            }
        }
    }

    /// `TcpListener::bind`, `TcpStream.connect`: an associated function of a
    /// builtin type, registered as the native `Type.name`.
    /// `TcpListener::bind`, `Channel.new`: a static member of a builtin type,
    /// named directly or through its module (`net.TcpListener::bind`).
    pub(crate) fn static_member(&self, base: &Expr, member: &str) -> Option<crate::builtins::Builtin> {
        let t = match &base.kind {
            ExprKind::Name(t) if !self.resolves_to_variable(t) => t,
            ExprKind::Attr { obj, name } if self.module_member_probe(obj) => {
                let ExprKind::Name(m) = &obj.kind else { return None };
                let module = self.module_aliases.get(m).map_or(m.as_str(), |s| s.as_str());
                crate::builtins::module_exports(module)?.contains(&name.name.as_str()).then_some(&name.name)?
            }
            _ => return None,
        };
        crate::builtins::lookup(&format!("{t}.{member}")).filter(|_| t.chars().next().is_some_and(char::is_uppercase))
    }

    pub(crate) fn static_member_probe(&self, base: &Expr, member: &str) -> bool {
        self.static_member(base, member).is_some()
    }

    pub(crate) fn module_member_probe(&self, obj: &Expr) -> bool {
        let ExprKind::Name(m) = &obj.kind else {
            return false;
        };
        if self.resolves_to_variable(m) {
            return false;
        }
        let module = self.module_aliases.get(m).cloned().unwrap_or_else(|| m.clone());
        crate::builtins::module_exports(&module).is_some()
    }

    /// A name that denotes a type (static method call `Counter.named()`).
    pub(crate) fn is_type_name(&self, obj: &Expr) -> bool {
        let ExprKind::Name(n) = &obj.kind else {
            return false;
        };
        if self.funcs.iter().any(|f| !f.is_module && f.lookup(n).is_some()) {
            return false;
        }
        self.structs.contains_key(n)
    }

    /// Pushes the arguments and emits the call instruction; the callee is
    /// already on the stack.
    pub(crate) fn call_args(&mut self, args: &[Arg], span: Span) {
        let site = self.push_args(args);
        self.set_span(span);
        match site {
            None => {
                self.emit(Op::Call(args.len() as u8));
            }
            Some(site) => {
                let idx = push(&mut self.f().proto.call_sites, site);
                self.emit(Op::CallSite(idx));
            }
        }
    }

    /// Pushes positional then keyword argument values. Returns a `CallSite`
    /// unless the call is plain positional with fewer than 256 arguments.
    pub(crate) fn push_args(&mut self, args: &[Arg]) -> Option<CallSite> {
        let mut positional = Vec::new();
        let mut keywords = Vec::new();
        for a in args {
            if a.name.is_some() {
                keywords.push(a);
            } else {
                if !keywords.is_empty() {
                    self.error(a.value.span, "positional argument follows keyword argument");
                }
                positional.push(a);
            }
        }
        let mut stars = Vec::new();
        for (i, a) in positional.iter().enumerate() {
            if a.star {
                stars.push(i as u32);
                if let ExprKind::Starred(inner) = &a.value.kind {
                    self.expr(inner);
                    continue;
                }
            }
            self.expr(&a.value);
        }
        let mut kwnames: Vec<Arc<str>> = Vec::new();
        for a in &keywords {
            if let Some(n) = &a.name {
                if kwnames.iter().any(|k| **k == *n.name) {
                    self.error(n.span, format!("keyword argument `{}` given twice", n.name));
                }
                kwnames.push(n.name.as_str().into());
            }
            self.expr(&a.value);
        }
        if kwnames.is_empty() && stars.is_empty() && positional.len() < 256 {
            return None;
        }
        Some(CallSite { argc: positional.len() as u32, kwnames, stars })
    }

    pub(crate) fn method_call(&mut self, obj: &Expr, name: &ast::Ident, args: &[Arg], span: Span) {
        if name.name == "await" && args.is_empty() {
            // `task.await()`: the same wait as `await task`, allowed in sync code.
            self.expr(obj);
            self.set_span(span);
            self.emit(Op::Await);
            return;
        }
        self.check_global_method(obj, &name.name);
        self.check_readonly_method(obj, &name.name);
        // A receiver that is a place may be mutated in place and written back.
        let place = if super::place::is_place(obj) { self.place(obj, false) } else { None };
        if place.is_none() {
            self.expr(obj);
        }
        if name.name == "spawn" && self.spawn_global_args(args, span) {
            // `tg.spawn(g(x))`: the task is made without a coroutine when the
            // receiver turns out to be a TaskGroup (see `SpawnGlobal`).
            let site = CallSite { argc: 1, kwnames: Vec::new(), stars: Vec::new() };
            let ms = MethodSite::new(name.name.as_str().into(), site, place);
            let idx = push(&mut self.f().proto.method_sites, ms);
            self.emit(Op::CallMethod(idx));
            return;
        }
        let site = self.push_args(args).unwrap_or(CallSite {
            argc: args.len() as u32,
            kwnames: Vec::new(),
            stars: Vec::new(),
        });
        self.set_span(span);
        let _ = name.span;
        let mut ms = MethodSite::new(name.name.as_str().into(), site, place);
        ms.local = place.and_then(|p| match self.fr().proto.places.get(p as usize) {
            Some(Place { root: PlaceRoot::Local(slot), steps, .. }) if steps.is_empty() => Some(*slot),
            _ => None,
        });
        let writable = place.and_then(|p| self.fr().proto.places.get(p as usize)).is_some_and(|p| !p.readonly);
        ms.appends_to_local = name.name == "append"
            && writable
            && ms.local.is_some()
            && ms.call.argc == 1
            && ms.call.kwnames.is_empty()
            && ms.call.stars.is_empty();
        ms.guess = self.guess_method(obj, &name.name);
        let idx = push(&mut self.f().proto.method_sites, ms);
        self.emit(Op::CallMethod(idx));
    }

    /// The hidden global of method `name` when the receiver is a local the
    /// compiler expects to hold a module-level struct (`self` in its
    /// methods, `let p = P(…)`) that has such a sync method with a
    /// read-only `self` (`MethodSite::guess`).
    fn guess_method(&self, obj: &Expr, name: &str) -> Option<u32> {
        let ExprKind::Name(n) = &obj.kind else { return None };
        let s = self.fr().lookup(n)?.known_struct.clone()?;
        if self.resolves_to_local(&s) {
            return None;
        }
        self.globals.get(&s).filter(|g| matches!(g.kind, GlobalKind::Struct))?;
        Some(self.globals.get(&super::instance_method_global(&s, name))?.slot)
    }

    /// Arity and keyword checks for calls whose callee is known statically.
    pub(crate) fn check_known_call(&mut self, name: &str, args: &[Arg], span: Span) {
        if self.resolves_to_local(name) {
            return;
        }
        if args.iter().any(|a| a.star) {
            return;
        }
        let (params, has_star) = match self.globals.get(name).map(|g| g.kind.clone()) {
            Some(GlobalKind::Fn { params, has_star, .. }) => {
                (params.iter().map(|p| (p.name.clone(), p.has_default)).collect::<Vec<_>>(), has_star)
            }
            Some(GlobalKind::Struct) => match self.structs.get(name) {
                Some(s) if !s.has_init => {
                    (s.fields.iter().cloned().zip(s.field_defaults.iter().copied()).collect(), false)
                }
                _ => return,
            },
            _ => return,
        };
        let npos = args.iter().filter(|a| a.name.is_none()).count();
        let what = if self.structs.contains_key(name) { "constructor of" } else { "function" };
        if npos > params.len() && !has_star {
            self.diags.push(
                Diagnostic::error(
                    span,
                    format!(
                        "{what} `{name}` takes {} argument{} but {npos} were given",
                        params.len(),
                        plural(params.len())
                    ),
                )
                .with_label(format!("called with {npos} positional argument{}", plural(npos)))
                .with_help(signature_help(name, &params)),
            );
            return;
        }
        let mut filled: Vec<bool> = (0..params.len()).map(|i| i < npos).collect();
        for a in args {
            let Some(k) = &a.name else { continue };
            match params.iter().position(|(p, _)| *p == k.name) {
                Some(i) => {
                    if filled[i] {
                        self.error(k.span, format!("argument `{}` of `{name}` given twice", k.name));
                    }
                    filled[i] = true;
                }
                None => {
                    self.diags.push(
                        Diagnostic::error(k.span, format!("{what} `{name}` has no parameter named `{}`", k.name))
                            .with_help(signature_help(name, &params)),
                    );
                    return;
                }
            }
        }
        let missing: Vec<&str> =
            params.iter().zip(&filled).filter(|((_, d), f)| !**f && !*d).map(|((p, _), _)| p.as_str()).collect();
        if !missing.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    span,
                    format!(
                        "{what} `{name}` is missing argument{} {}",
                        plural(missing.len()),
                        missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with_help(signature_help(name, &params)),
            );
        }
    }

    /// The global slot of a module-level `fn` that `name` refers to here.
    pub(crate) fn global_fn_slot(&self, name: &str) -> Option<u32> {
        if self.resolves_to_local(name) || self.fr().self_name.as_deref() == Some(name) {
            return None;
        }
        match self.globals.get(name) {
            Some(g) if matches!(g.kind, GlobalKind::Fn { .. }) => Some(g.slot),
            _ => None,
        }
    }

    /// `S.m` or `S::m` naming a static method of the module-level struct
    /// `S` (not shadowed): its hidden global (see `static_method_global`).
    fn static_method_slot(&self, func: &Expr) -> Option<(String, u32)> {
        let (ExprKind::Attr { obj, name } | ExprKind::Path { base: obj, name }) = &func.kind else { return None };
        let ExprKind::Name(s) = &obj.kind else { return None };
        if self.resolves_to_local(s) || !matches!(self.globals.get(s).map(|g| &g.kind), Some(GlobalKind::Struct)) {
            return None;
        }
        let hidden = super::static_method_global(s, &name.name);
        let slot = self.globals.get(&hidden).filter(|g| matches!(g.kind, GlobalKind::Fn { .. }))?.slot;
        Some((hidden, slot))
    }

    pub(crate) fn resolves_to_local(&self, name: &str) -> bool {
        self.funcs.iter().any(|f| !f.is_module && f.lookup(name).is_some())
            || self.fr().captures.iter().any(|c| c.name == name)
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(crate) fn signature_help(name: &str, params: &[(String, bool)]) -> String {
    let ps: Vec<String> = params.iter().map(|(p, d)| if *d { format!("{p}=…") } else { p.clone() }).collect();
    format!("the signature is `{name}({})`", ps.join(", "))
}
