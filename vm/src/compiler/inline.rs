//! Inlining of one-expression functions: a call of a module-level `fn`
//! whose whole body is `return <expr>` (an `async fn` only where it is
//! awaited) compiles to that expression, over hidden slots holding the
//! arguments, instead of a call — no frame, no argument or return check
//! dispatch, and the instructions around it see through it (`await
//! next(c)` over `return await c.recv()` takes the receive fast path).
//!
//! Only what cannot change meaning is inlined: a function bound once, at
//! the top level of a module (never in the REPL, where a later input may
//! rebind it), with plain positional parameters (an annotated one is
//! checked by `CheckArg` once the arguments are ready, with the call's own
//! message), called with as many positional arguments; a body made
//! of names, constants, operators, calls, attribute and index reads and
//! `await` (no `?`, which would return from the caller, no comprehension
//! or lambda), whose names other than the parameters mean the same at the
//! call site; never inside another inlined body. An argument that is a
//! local variable is lent: the parameter names the caller's slot (no copy,
//! no reference count touched); a parameter a method is called on is lent
//! only while the variable holds a value no method changes in place
//! (`JumpIfLendable` picks between two copies of the body, the other one
//! copying the argument) — or always, with one body, when its checked
//! annotation names such a type (`c: Channel[Int]`: `CheckArg` runs before
//! the body, and is dropped when the argument is a parameter of the caller
//! with that annotation that nothing writes). A return annotation is checked after the
//! expression, with the function's own message; the other arguments are
//! released (`Clear`) when the value is ready, as a returning frame
//! releases its parameters; and a
//! traceback through the expression still names the function
//! (`FuncProto::inlined`). (Module-level functions are defined before any
//! other top-level code runs, so an inlined call never runs earlier than
//! its function could be called.)

use super::Compiler;
use crate::bytecode::{ArgCheck, InlinedCall, Op};
use parser::ast::{self, Arg, Expr, ExprKind, StmtKind};
use std::sync::Arc;

impl Compiler {
    /// Pre-pass, after `collect_globals`: the functions defined once, at
    /// the top level of `body`, that may be inlined.
    pub(crate) fn collect_inline_candidates(&mut self, body: &[ast::Stmt]) {
        for stmt in body {
            let StmtKind::Fn(f) = &stmt.kind else { continue };
            let name = &f.name.name;
            if self.bindings.get(name).copied() == Some(1) && inlinable_def(f) {
                self.inline_fns.insert(name.clone(), Arc::new(f.clone()));
            }
        }
    }

    /// Counts a binding of a module-level name (a function defined twice,
    /// or also assigned, is not inlined).
    pub(crate) fn count_binding(&mut self, name: &str) {
        *self.bindings.entry(name.to_string()).or_insert(0) += 1;
    }

    /// Compiles `name(args)` (`awaited`: `await name(args)`) inline when it
    /// may be (see the module comment); false, emitting nothing, otherwise.
    pub(crate) fn try_inline(&mut self, name: &str, args: &[Arg], span: lexer::Span, awaited: bool) -> bool {
        if self.inlining
            || self.resolves_to_local(name)
            || self.imports.contains_key(name)
            || self.fr().self_name.as_deref() == Some(name)
        {
            return false;
        }
        let Some(def) = self.inline_fns.get(name).cloned() else { return false };
        if def.is_async != awaited || args.len() != def.params.len() || args.iter().any(|a| a.name.is_some() || a.star)
        {
            return false;
        }
        let [ast::Stmt { kind: StmtKind::Return(Some(body)), .. }] = def.body.as_slice() else { return false };
        let params: Vec<&str> = def.params.iter().map(|p| p.name.name.as_str()).collect();
        let mut free = Vec::new();
        names_in(body, &mut free);
        if free.iter().any(|n| !params.contains(n) && (self.resolves_to_local(n) || *n == name)) {
            return false;
        }
        // The arguments, in order. A local variable of this frame is lent:
        // the parameter names its slot (nothing in an argument list or in
        // the body can rebind it: neither holds an assignment, and a closure
        // captures by value). Anything else goes into a hidden slot.
        let receivers = method_receivers(body);
        let mut bound = Vec::with_capacity(args.len());
        let mut hidden = Vec::new();
        let mut guarded = None;
        for (i, (a, p)) in args.iter().zip(&def.params).enumerate() {
            let local = match &a.value.kind {
                ExprKind::Name(n) => self.f().lookup(n).map(|l| l.slot),
                _ => None,
            };
            let receiver = receivers.contains(&p.name.name.as_str());
            // An annotation that is checked (`CheckArg`, below, before the
            // body) and names a type no method changes in place (`c:
            // Channel[Int]`, a handle, a scalar, a String) makes the lending
            // safe without `JumpIfLendable`.
            let lendable_by_type = matches!(
                p.ty.as_ref().and_then(|t| self.type_check(t)),
                Some(crate::bytecode::TypeCheck::Builtin(b)) if b.is_lendable()
            );
            let slot = match local {
                Some(slot) if !receiver || lendable_by_type => slot,
                // A method called on the parameter could change a list, a
                // dict or a struct in place, and the parameter is a copy:
                // the caller's variable is lent only when it holds a value
                // no method changes in place (`JumpIfLendable`).
                Some(slot) if guarded.is_none() => {
                    guarded = Some((i, slot));
                    slot
                }
                _ => {
                    self.expr(&a.value);
                    let slot = self.f().new_slot();
                    self.emit(Op::Store(slot));
                    hidden.push(slot);
                    slot
                }
            };
            bound.push(slot);
        }
        // Annotated parameters are checked once every argument is ready,
        // in order, as a call's entry checks them.
        let outer = self.set_span(span);
        for (p, slot) in def.params.iter().zip(&bound) {
            if let Some(check) = p.ty.as_ref().and_then(|t| self.type_check(t)) {
                let a = ArgCheck { slot: *slot, check, func: name.into(), param: p.name.name.as_str().into() };
                let i = super::func::push(&mut self.f().proto.arg_checks, a);
                self.emit(Op::CheckArg(i));
            }
        }
        self.set_span(outer);
        let start = self.fr().proto.code.len() as u32;
        if let Some((i, lent)) = guarded {
            let guard = self.emit(Op::JumpIfLendable { slot: lent, target: 0 });
            // Not lendable: the parameter gets a copy of its own.
            let copy = self.f().new_slot();
            self.emit(Op::Load(lent));
            self.emit(Op::Store(copy));
            let mut copied = bound.clone();
            copied[i] = copy;
            self.inline_body(&def, body, &copied);
            self.emit(Op::Clear(copy));
            let skip = self.emit(Op::Jump(0));
            self.f().patch(guard);
            self.inline_body(&def, body, &bound);
            self.f().patch(skip);
        } else {
            self.inline_body(&def, body, &bound);
        }
        if let Some(check) = def.ret.as_ref().and_then(|t| self.type_check(t)) {
            // A wrong result points at the `return`, as the call's would.
            let ret_span = def.body.first().map_or(span, |s| s.span);
            self.set_span(ret_span);
            let c = super::func::push(&mut self.f().proto.type_checks, check);
            let n = self.f().name_index(name);
            self.emit(Op::CheckResult { check: c, func: n, is_async: def.is_async });
        }
        // The hidden arguments go when the value is ready, as a frame's would.
        for slot in &hidden {
            self.emit(Op::Clear(*slot));
        }
        let end = self.fr().proto.code.len() as u32;
        let call = InlinedCall { start, end, name: name.into(), call_span: span };
        self.f().proto.inlined.push(call);
        self.set_span(span);
        true
    }

    /// The body of `def` with its parameters naming `slots`. What it has
    /// to say (an error, a warning) is said once, by the function's own
    /// compilation: here it would be a repeat.
    fn inline_body(&mut self, def: &ast::FnDef, body: &Expr, slots: &[u16]) {
        self.f().push_scope();
        for (p, slot) in def.params.iter().zip(slots) {
            self.f().bind_existing(&p.name.name, *slot, p.span);
        }
        let said = self.diags.len();
        self.inlining = true;
        self.expr(body);
        self.inlining = false;
        self.diags.truncate(said);
        self.f().pop_scope();
    }
}

/// A definition whose body may be inlined: one `return <expr>`, plain
/// positional parameters, no decorators.
fn inlinable_def(f: &ast::FnDef) -> bool {
    let plain = f.params.iter().all(|p| p.default.is_none() && !p.star);
    let body_ok = match f.body.as_slice() {
        [ast::Stmt { kind: StmtKind::Return(Some(e)), .. }] => inlinable_expr(e),
        _ => false,
    };
    plain && body_ok && !f.is_stub && f.decorators.is_empty()
}

/// Whether `e` is made only of what inlining keeps the meaning of.
fn inlinable_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Unit
        | ExprKind::Name(_) => true,
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().all(inlinable_expr),
        ExprKind::Unary { expr, .. } | ExprKind::Await(expr) => inlinable_expr(expr),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::And(lhs, rhs) | ExprKind::Or(lhs, rhs) => {
            inlinable_expr(lhs) && inlinable_expr(rhs)
        }
        ExprKind::Compare { first, rest } => inlinable_expr(first) && rest.iter().all(|(_, x)| inlinable_expr(x)),
        ExprKind::Ternary { cond, then, else_ } => {
            inlinable_expr(cond) && inlinable_expr(then) && inlinable_expr(else_)
        }
        ExprKind::Call { func, args } => {
            inlinable_expr(func) && args.iter().all(|a| a.name.is_none() && !a.star && inlinable_expr(&a.value))
        }
        ExprKind::Attr { obj, .. } => inlinable_expr(obj),
        ExprKind::Index { obj, index } => {
            inlinable_expr(obj) && !matches!(index.kind, ExprKind::Slice { .. }) && inlinable_expr(index)
        }
        _ => false,
    }
}

/// Every name `e` refers to.
fn names_in<'e>(e: &'e Expr, out: &mut Vec<&'e str>) {
    each_subexpr(e, &mut |x| {
        if let ExprKind::Name(n) = &x.kind {
            out.push(n);
        }
    });
}

/// The names that are the root of a method call's receiver in `e` (`p` in
/// `p.m()`, `p.items[0].m()`): a method may change its receiver in place.
fn method_receivers(e: &Expr) -> Vec<&str> {
    let mut roots = Vec::new();
    each_subexpr(e, &mut |x| {
        let ExprKind::Call { func, .. } = &x.kind else { return };
        let ExprKind::Attr { obj, .. } = &func.kind else { return };
        let mut root = &**obj;
        while let ExprKind::Attr { obj, .. } | ExprKind::Index { obj, .. } = &root.kind {
            root = obj;
        }
        if let ExprKind::Name(n) = &root.kind {
            roots.push(n.as_str());
        }
    });
    roots
}

/// Calls `f` on `e` and on each expression inside it, outermost first (`e`
/// holds only what `inlinable_expr` allows).
fn each_subexpr<'e>(e: &'e Expr, f: &mut impl FnMut(&'e Expr)) {
    f(e);
    match &e.kind {
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().for_each(|x| each_subexpr(x, f)),
        ExprKind::Unary { expr, .. } | ExprKind::Await(expr) => each_subexpr(expr, f),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::And(lhs, rhs) | ExprKind::Or(lhs, rhs) => {
            each_subexpr(lhs, f);
            each_subexpr(rhs, f);
        }
        ExprKind::Compare { first, rest } => {
            each_subexpr(first, f);
            rest.iter().for_each(|(_, x)| each_subexpr(x, f));
        }
        ExprKind::Ternary { cond, then, else_ } => {
            each_subexpr(cond, f);
            each_subexpr(then, f);
            each_subexpr(else_, f);
        }
        ExprKind::Call { func, args } => {
            each_subexpr(func, f);
            args.iter().for_each(|a| each_subexpr(&a.value, f));
        }
        ExprKind::Attr { obj, .. } => each_subexpr(obj, f),
        ExprKind::Index { obj, index } => {
            each_subexpr(obj, f);
            each_subexpr(index, f);
        }
        _ => {}
    }
}
