//! Statements: bindings and assignment, control flow with the unwinding of
//! `try` contexts on `break`/`continue`/`return`, exceptions, `match`.

use super::{Compiler, GlobalKind};
use crate::bytecode::*;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Expr, ExprKind, Stmt, StmtKind};

impl Compiler {
    pub(crate) fn block(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    /// A nested block with its own scope.
    pub(crate) fn scoped_block(&mut self, body: &[Stmt]) {
        self.f().push_scope();
        self.block(body);
        self.f().pop_scope();
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) {
        let old = self.set_span(s.span);
        self.stmt_inner(s);
        self.set_span(old);
    }

    pub(crate) fn stmt_inner(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.warn_dropped_coroutine(e);
                self.expr(e);
                self.emit(Op::Pop);
            }
            StmtKind::Let { mutable, pattern, ty, value } => {
                self.let_stmt(*mutable, pattern, ty.as_ref(), value.as_ref(), s.span)
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.assign_to(t);
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::If { branches, else_body } => self.if_stmt(branches, else_body.as_deref()),
            StmtKind::While { cond, body } => self.while_stmt(cond, body),
            StmtKind::For { is_async: true, target, iter, body } => self.async_for_stmt(target, iter, body, s.span),
            StmtKind::For { target, iter, body, .. } => self.for_stmt(target, iter, body),
            StmtKind::Break | StmtKind::Continue => self.loop_jump(matches!(s.kind, StmtKind::Break), s.span),
            StmtKind::Pass => {}
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s.span),
            StmtKind::Raise(value) => match value {
                Some(v) => {
                    self.expr(v);
                    self.emit(Op::Raise);
                }
                None => match self.fr().current_exc.last().copied() {
                    Some(slot) => {
                        self.emit(Op::Load(slot));
                        self.emit(Op::Reraise);
                    }
                    None => {
                        self.error(s.span, "bare `raise` outside an `except` block")
                            .with_help("raise an error value: `raise ValueError(\"...\")`");
                    }
                },
            },
            StmtKind::Try { body, handlers, else_body, finally_body } => {
                self.try_stmt(body, handlers, else_body.as_deref(), finally_body.as_deref())
            }
            StmtKind::With { is_async, items, body } => self.with_stmt(*is_async, items, body, s.span),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Assert { cond, msg } => {
                // `assert a == b`: the operands are kept, so a failure shows both.
                let compare = match &cond.kind {
                    ExprKind::Compare { first, rest } => match &rest[..] {
                        [(op, right)] => Some((first, *op, right)),
                        _ => None,
                    },
                    _ => None,
                };
                match compare {
                    Some((first, _, right)) => {
                        self.expr(first);
                        self.expr(right);
                    }
                    None => self.expr(cond),
                }
                match msg {
                    Some(m) => self.expr(m),
                    None => {
                        self.emit(Op::None);
                    }
                }
                let text = self.source_text(cond.span);
                let idx = self.constant(crate::value::Value::str(text));
                match compare {
                    Some((_, op, _)) => self.emit(Op::AssertCompare(op, idx)),
                    None => self.emit(Op::Assert(idx)),
                };
            }
            StmtKind::Fn(f) => self.fn_stmt(f),
            StmtKind::Struct(st) => self.struct_stmt(st),
            StmtKind::Trait(t) => self.trait_stmt(t),
            StmtKind::Alias { name, ty } => {
                if let Some(v) = self.type_value(ty) {
                    let idx = self.constant(v);
                    self.emit(Op::Const(idx));
                    self.store_new_binding(&name.name, false, name.span);
                }
            }
            StmtKind::Import { module, alias } => self.import(module, alias.as_ref(), None),
            StmtKind::FromImport { module, names } => self.import(module, None, Some(names)),
        }
    }

    pub(crate) fn source_text(&self, span: Span) -> String {
        self.src.get(span.range()).unwrap_or("assertion").to_string()
    }

    pub(crate) fn warn_dropped_coroutine(&mut self, e: &Expr) {
        if let ExprKind::Call { func, .. } = &e.kind {
            if let ExprKind::Name(name) = &func.kind {
                if self.fr().lookup(name).is_none() {
                    if let Some(g) = self.globals.get(name) {
                        if let GlobalKind::Fn { is_async: true, .. } = g.kind {
                            self.warn(
                                Diagnostic::warning(e.span, "coroutine is never awaited")
                                    .with_label(format!("`{name}(…)` creates a coroutine that never runs"))
                                    .with_help(format!("did you mean `await {name}(…)` or `spawn({name}(…))`?")),
                            );
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn let_stmt(
        &mut self,
        mutable: bool,
        pat: &ast::Pattern,
        ty: Option<&ast::TypeExpr>,
        value: Option<&Expr>,
        span: Span,
    ) {
        match value {
            Some(v) => self.expr(v),
            None => {
                self.emit(Op::None);
            }
        }
        if let (Some(t), Some(_)) = (ty, value) {
            if let Some(check) = self.type_check(t) {
                let idx = super::func::push(&mut self.f().proto.type_checks, check);
                self.emit(Op::CheckType(idx));
            }
        }
        match &pat.kind {
            ast::PatternKind::Bind(name) => {
                self.store_new_binding(name, mutable, pat.span);
                if let Some(ExprKind::Call { func, .. }) = value.map(|v| &v.kind) {
                    if let ExprKind::Name(s) = &func.kind {
                        if !mutable && self.structs.contains_key(s) && !self.fr().is_module {
                            let s = s.clone();
                            if let Some(scope) = self.f().scopes.last_mut() {
                                if let Some(l) = scope.get_mut(name.as_str()) {
                                    l.known_struct = Some(s);
                                }
                            }
                        }
                    }
                }
            }
            ast::PatternKind::Wildcard => {
                self.emit(Op::Pop);
            }
            ast::PatternKind::Tuple(items) => {
                self.emit(Op::Unpack(items.len() as u32));
                for item in items.iter().rev() {
                    match &item.kind {
                        ast::PatternKind::Bind(name) => self.store_new_binding(name, mutable, item.span),
                        ast::PatternKind::Wildcard => {
                            self.emit(Op::Pop);
                        }
                        _ => {
                            self.error(item.span, "only names can be bound by `let` destructuring")
                                .with_help("use `match` for nested patterns");
                        }
                    }
                }
            }
            _ => {
                self.error(span, "`let` binds a name or a tuple of names")
                    .with_help("use `if let` or `match` to test a pattern");
            }
        }
    }

    /// Declares `name` in the current scope (or as a global at module level)
    /// and stores the value on the stack into it.
    pub(crate) fn store_new_binding(&mut self, name: &str, mutable: bool, span: Span) {
        if self.fr().is_module {
            if let Some(&slot) = self.frame_locals.get(name) {
                self.emit(Op::Store(slot));
                return;
            }
            if let Some(g) = self.globals.get(name) {
                let slot = g.slot;
                self.store_global(slot);
                return;
            }
        }
        let slot = self.f().declare(name, mutable, span);
        self.emit(Op::Store(slot));
    }

    /// Stores the value on the stack into an assignment target.
    pub(crate) fn assign_to(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name(name) => self.assign_name(name, target.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for (item, t) in items.iter().zip(self.unpack_to_temps(items.len())) {
                    self.emit(Op::Take(t));
                    self.assign_to(item);
                }
            }
            ExprKind::Attr { .. } | ExprKind::Index { .. } => {
                // The value is on the stack, but a place's index values must come
                // first: park the value in a temporary.
                let tmp = self.f().new_slot();
                self.emit(Op::Store(tmp));
                if let Some(place) = self.place(target, true) {
                    self.emit(Op::Take(tmp));
                    self.emit(Op::StorePlace(place));
                }
            }
            _ => {
                self.error(target.span, "cannot assign to this expression")
                    .with_help("assign to a name, a field (`p.x`) or an element (`xs[i]`)");
            }
        }
    }

    pub(crate) fn assign_name(&mut self, name: &str, span: Span) {
        if let Some(local) = self.fr().lookup(name).cloned() {
            if !local.mutable {
                let (line, _) = (local.span.lo, 0);
                let _ = line;
                self.diags.push(
                    Diagnostic::error(span, format!("cannot assign twice to `let` binding `{name}`"))
                        .with_label(format!("`{name}` was declared with `let`, so it cannot be reassigned"))
                        .with_help(format!("declare it with `var {name} = …` to make it mutable")),
                );
            }
            self.emit(Op::Store(local.slot));
            return;
        }
        if self.is_captured_name(name) {
            self.diags.push(
                Diagnostic::error(span, format!("cannot assign to `{name}`, which this closure captured by value"))
                    .with_help(
                        "closures copy the variables they use when they are defined; return the new value instead",
                    ),
            );
            return;
        }
        if let Some(g) = self.globals.get(name).cloned() {
            if !self.fr().is_module {
                self.global_write_error(name, span);
                return;
            }
            if !g.mutable {
                self.diags.push(
                    Diagnostic::error(span, format!("cannot assign twice to `let` binding `{name}`"))
                        .with_label(format!("`{name}` was declared with `let`, so it cannot be reassigned"))
                        .with_help(format!("declare it with `var {name} = …` to make it mutable")),
                );
            }
            self.store_global(g.slot);
            return;
        }
        // An undeclared name: declares a `var` in the enclosing function.
        let slot = self.f().declare_function_level(name, span);
        self.emit(Op::Store(slot));
    }

    pub(crate) fn global_write_error(&mut self, name: &str, span: Span) {
        self.diags.push(
            Diagnostic::error(span, format!("cannot assign to global `{name}` inside a function"))
                .with_label("functions may read globals but never write them (tasks would race)")
                .with_help("share mutable state through an `Atomic`, a `Shared` cell or a `Channel`, or pass the value in and return the new one"),
        );
    }

    pub(crate) fn is_captured_name(&self, name: &str) -> bool {
        self.fr().captures.iter().any(|c| c.name == name)
    }

    pub(crate) fn aug_assign(&mut self, target: &Expr, op: ast::BinOp, value: &Expr) {
        match &target.kind {
            ExprKind::Name(name) => {
                self.expr(target);
                self.expr(value);
                self.emit(Op::Binary(op));
                self.assign_name(name, target.span);
            }
            ExprKind::Attr { .. } | ExprKind::Index { .. } => {
                if let Some(place) = self.place(target, true) {
                    self.emit(Op::LoadPlace(place));
                    self.expr(value);
                    self.emit(Op::Binary(op));
                    self.emit(Op::StorePlace(place));
                }
            }
            _ => {
                self.error(target.span, "cannot assign to this expression");
            }
        }
    }

    pub(crate) fn fn_stmt(&mut self, f: &ast::FnDef) {
        for d in &f.decorators {
            if !matches!(d.name.name.as_str(), "staticmethod" | "always_inline" | "parameter" | "export" | "value") {
                self.warn(Diagnostic::warning(d.span, format!("unknown decorator `@{}` is ignored", d.name.name)));
            }
        }
        let (proto, captures) = self.function(f, SelfKind::None, None);
        self.make_closure(f, proto, &captures);
        if self.fr().is_module {
            if let Some(g) = self.globals.get(&f.name.name) {
                let slot = g.slot;
                self.store_global(slot);
            }
        } else {
            let slot = self.f().declare(&f.name.name, false, f.name.span);
            self.emit(Op::Store(slot));
        }
    }

    /// Emits defaults and captured values, then `MakeClosure`.
    pub(crate) fn make_closure(
        &mut self,
        f: &ast::FnDef,
        proto: std::sync::Arc<FuncProto>,
        captures: &[super::func::Capture],
    ) {
        let mut ndefaults = 0;
        for p in &f.params {
            if let Some(d) = &p.default {
                self.expr(d);
                ndefaults += 1;
            }
        }
        for c in captures {
            self.name_load(&c.name, f.name.span);
        }
        let spec = ClosureSpec { proto, ndefaults, ncaptures: captures.len() as u32 };
        let idx = super::func::push(&mut self.f().proto.closures, spec);
        self.emit(Op::MakeClosure(idx));
    }

    /// Runs a module of your own (once per program) and binds it or its names.
    pub(crate) fn import_user_module(
        &mut self,
        dotted: &str,
        alias: Option<&ast::Ident>,
        names: Option<&[(ast::Ident, Option<ast::Ident>)]>,
    ) {
        // Not found or broken modules were reported by the pre-pass.
        let Some(spec) = self.user_modules.get(dotted).cloned() else { return };
        if !self.fr().is_module {
            self.error(self.fr().span, "`import` is only allowed at the top level of a module");
            return;
        }
        let idx = super::func::push(&mut self.f().proto.imports, spec.clone());
        self.emit(Op::ImportModule(idx));
        self.emit(Op::Await);
        self.emit(Op::Pop);
        match names {
            None => {
                let local = alias.map(|a| a.name.clone()).unwrap_or_else(|| dotted.to_string());
                if let Some(g) = self.globals.get(&local).map(|g| g.slot) {
                    self.store_global(g);
                } else {
                    self.emit(Op::Pop);
                }
            }
            Some(names) => {
                for (name, alias) in names {
                    let local = alias.as_ref().unwrap_or(name);
                    let Some(g) = self.globals.get(&local.name).map(|g| g.slot) else { continue };
                    if !spec.global_names.contains(&name.name) {
                        continue;
                    }
                    self.emit(Op::Dup);
                    let n = self.f().name_index(&name.name);
                    self.emit(Op::GetAttr(n));
                    self.store_global(g);
                }
                self.emit(Op::Pop);
            }
        }
    }

    pub(crate) fn import(
        &mut self,
        module: &[ast::Ident],
        alias: Option<&ast::Ident>,
        names: Option<&[(ast::Ident, Option<ast::Ident>)]>,
    ) {
        let path: Vec<&str> = module.iter().map(|i| i.name.as_str()).collect();
        let Some(exports) = crate::builtins::module_exports(&path.join(".")) else {
            self.import_user_module(&path.join("."), alias, names);
            return;
        };
        if let Some(names) = names {
            for (name, alias) in names {
                if !exports.contains(&name.name.as_str()) {
                    self.error(name.span, format!("module `{}` has no name `{}`", path.join("."), name.name))
                        .with_help(format!("`{}` exports: {}", path.join("."), exports.join(", ")));
                    continue;
                }
                let _ = alias;
            }
        }
    }
}
