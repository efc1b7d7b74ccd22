//! Inlining of one-expression functions: a call of a module-level `fn`
//! whose whole body is `return <expr>` (an `async fn` only where it is
//! awaited) compiles to that expression, over hidden slots holding the
//! arguments, instead of a call — no frame, no argument or return check
//! dispatch, and the instructions around it see through it (`await
//! next(c)` over `return await c.recv()` takes the receive fast path).
//!
//! Only what cannot change meaning is inlined: a function bound once, at
//! the top level of a module (never in the REPL, where a later input may
//! rebind it), with plain positional parameters whose annotations need no
//! runtime check, called with as many positional arguments; a body made
//! of names, constants, operators, calls, attribute and index reads and
//! `await` (no `?`, which would return from the caller, no comprehension
//! or lambda), whose names other than the parameters mean the same at the
//! call site; never inside another inlined body. A return annotation is
//! checked after the expression, with the function's own message; the
//! arguments are released (`Clear`) when the value is ready, as a returning
//! frame releases its parameters; and a
//! traceback through the expression still names the function
//! (`FuncProto::inlined`). (Module-level functions are defined before any
//! other top-level code runs, so an inlined call never runs earlier than
//! its function could be called.)

use super::Compiler;
use crate::bytecode::{InlinedCall, Op};
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
        // What the function's annotations and body have to say (an error, a
        // warning) is said once, by its own compilation: anything said here
        // would be a repeat (its names mean the same here, checked below).
        let said = self.diags.len();
        let checked_param = def.params.iter().any(|p| p.ty.as_ref().is_some_and(|t| self.type_check(t).is_some()));
        self.diags.truncate(said);
        if def.is_async != awaited
            || args.len() != def.params.len()
            || args.iter().any(|a| a.name.is_some() || a.star)
            || checked_param
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
        // The arguments, in order, each into a hidden slot the parameter names.
        let mut slots = Vec::with_capacity(args.len());
        for a in args {
            self.expr(&a.value);
            let slot = self.f().new_slot();
            self.emit(Op::Store(slot));
            slots.push(slot);
        }
        self.f().push_scope();
        for (p, slot) in def.params.iter().zip(&slots) {
            self.f().bind_existing(&p.name.name, *slot, p.span);
        }
        let start = self.fr().proto.code.len() as u32;
        let said = self.diags.len();
        self.inlining = true;
        self.expr(body);
        self.inlining = false;
        let ret_check = def.ret.as_ref().and_then(|t| self.type_check(t));
        self.diags.truncate(said);
        if let Some(check) = ret_check {
            let c = super::func::push(&mut self.f().proto.type_checks, check);
            let n = self.f().name_index(name);
            self.emit(Op::CheckResult { check: c, func: n, is_async: def.is_async });
        }
        // The arguments go when the value is ready, as a frame's would.
        for slot in &slots {
            self.emit(Op::Clear(*slot));
        }
        let end = self.fr().proto.code.len() as u32;
        self.f().pop_scope();
        let call = InlinedCall { start, end, name: name.into(), call_span: span };
        self.f().proto.inlined.push(call);
        self.set_span(span);
        true
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

/// Every name `e` refers to (it holds only what `inlinable_expr` allows).
fn names_in<'e>(e: &'e Expr, out: &mut Vec<&'e str>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n),
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().for_each(|x| names_in(x, out)),
        ExprKind::Unary { expr, .. } | ExprKind::Await(expr) => names_in(expr, out),
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::And(lhs, rhs) | ExprKind::Or(lhs, rhs) => {
            names_in(lhs, out);
            names_in(rhs, out);
        }
        ExprKind::Compare { first, rest } => {
            names_in(first, out);
            rest.iter().for_each(|(_, x)| names_in(x, out));
        }
        ExprKind::Ternary { cond, then, else_ } => {
            names_in(cond, out);
            names_in(then, out);
            names_in(else_, out);
        }
        ExprKind::Call { func, args } => {
            names_in(func, out);
            args.iter().for_each(|a| names_in(&a.value, out));
        }
        ExprKind::Attr { obj, .. } => names_in(obj, out),
        ExprKind::Index { obj, index } => {
            names_in(obj, out);
            names_in(index, out);
        }
        _ => {}
    }
}
