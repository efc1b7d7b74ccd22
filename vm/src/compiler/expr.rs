//! Expressions: literals, names (locals, captures, globals, builtins),
//! operators, calls (with compile-time arity checks for known callees),
//! method calls on places, f-strings, comprehensions.

use super::func::push;
use super::Compiler;
use crate::bytecode::*;
use crate::value::Value;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Expr, ExprKind};

impl Compiler {
    pub(crate) fn expr(&mut self, e: &Expr) {
        let old = self.set_span(e.span);
        self.expr_inner(e);
        self.set_span(old);
    }

    pub(crate) fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Int(i) if *i == i64::MIN => {
                self.diags.push(lexer::Diagnostic::error(
                    e.span,
                    "integer literal is too large for Int (max 9223372036854775807)",
                ));
            }
            ExprKind::Unary { op: ast::UnaryOp::Neg, expr } if matches!(expr.kind, ExprKind::Int(i64::MIN)) => {
                // `-9223372036854775808`: the one literal that needs the minus.
                let c = self.constant(Value::Int(i64::MIN));
                self.emit(Op::Const(c));
            }
            ExprKind::Int(i) => {
                if let Ok(small) = i32::try_from(*i) {
                    self.emit(Op::SmallInt(small));
                } else {
                    let c = self.constant(Value::Int(*i));
                    self.emit(Op::Const(c));
                }
            }
            ExprKind::Float(f) => {
                let c = self.constant(Value::Float(*f));
                self.emit(Op::Const(c));
            }
            ExprKind::Str(s) => {
                let c = self.constant(Value::str(s.clone()));
                self.emit(Op::Const(c));
            }
            ExprKind::Bool(b) => {
                self.emit(Op::Bool(*b));
            }
            ExprKind::None => {
                self.emit(Op::None);
            }
            ExprKind::Unit => {
                self.emit(Op::Unit);
            }
            ExprKind::Ellipsis => {
                self.emit(Op::None);
            }
            ExprKind::Name(n) => self.name_load(n, e.span),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::List(items) => self.sequence(items, false),
            ExprKind::Tuple(items) => self.sequence(items, true),
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    self.expr(k);
                    self.expr(v);
                }
                self.emit(Op::BuildDict(pairs.len() as u32));
            }
            ExprKind::Starred(_) => {
                self.error(e.span, "`*` spread is only allowed in call arguments and list displays");
            }
            ExprKind::Unary { op, expr } => {
                self.expr(expr);
                self.emit(match op {
                    ast::UnaryOp::Neg => Op::Neg,
                    ast::UnaryOp::Pos => Op::Pos,
                    ast::UnaryOp::Not => Op::Not,
                    ast::UnaryOp::Invert => Op::Invert,
                });
            }
            ExprKind::Binary { op, lhs, rhs } if self.local_and_small_int(lhs, rhs).is_some() => {
                if let Some((slot, k)) = self.local_and_small_int(lhs, rhs) {
                    self.set_span(e.span);
                    self.emit(Op::BinaryLocalConst { slot, op: *op, k });
                }
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.expr(lhs);
                self.expr(rhs);
                self.set_span(e.span);
                self.emit(Op::Binary(*op));
            }
            ExprKind::Compare { first, rest } => self.compare(first, rest, e.span),
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                self.expr(a);
                let j = self.emit(if is_and { Op::JumpIfFalseOrPop(0) } else { Op::JumpIfTrueOrPop(0) });
                self.expr(b);
                self.emit(Op::CheckBool);
                self.f().patch(j);
            }
            ExprKind::Ternary { cond, then, else_ } => {
                let j = self.cond_expr(cond);
                self.expr(then);
                let end = self.emit(Op::Jump(0));
                self.f().patch(j);
                self.expr(else_);
                self.f().patch(end);
            }
            ExprKind::Call { func, args } => self.call(func, args, e.span),
            ExprKind::Attr { obj, name } => {
                self.check_user_module_member(obj, name);
                if let Some(native) = self.module_member(obj, &name.name) {
                    self.emit_builtin(native);
                    return;
                }
                if let Some(b) = self.static_member(obj, &name.name) {
                    self.emit_builtin(b);
                    return;
                }
                let n = self.f().name_index(&name.name);
                let local = match &obj.kind {
                    ExprKind::Name(v) => self.fr().lookup(v).map(|l| l.slot),
                    _ => None,
                };
                match local {
                    Some(slot) => {
                        self.set_span(name.span);
                        self.emit(Op::LoadAttr { slot, name: n });
                    }
                    None => {
                        self.expr(obj);
                        self.set_span(name.span);
                        self.emit(Op::GetAttr(n));
                    }
                }
            }
            ExprKind::Path { base, name } => {
                if let Some(b) = self.static_member(base, &name.name) {
                    self.emit_builtin(b);
                    return;
                }
                self.expr(base);
                self.set_span(name.span);
                let n = self.f().name_index(&name.name);
                self.emit(Op::GetAttr(n));
            }
            ExprKind::Index { obj, index } if self.is_generic_type(obj) => {
                // `List[Data]()`, `Channel[Int]`: the arguments are types, and
                // a type the program does not define is accepted (§15).
                self.expr(obj);
                self.type_arg(index);
                self.set_span(e.span);
                self.emit(Op::Index);
            }
            ExprKind::Index { obj, index } if self.local_of(obj).is_some() && is_plain_index(index) => {
                // The local is indexed where it lives (no copy of it pushed):
                // evaluating such an index cannot change it.
                let slot = self.local_of(obj).unwrap_or_default();
                self.expr(index);
                self.set_span(e.span);
                self.emit(Op::IndexLocal(slot));
            }
            ExprKind::Index { obj, index } => {
                self.expr(obj);
                if let ExprKind::Slice { lo, hi, step } = &index.kind {
                    for part in [lo, hi, step] {
                        match part {
                            Some(p) => self.expr(p),
                            None => {
                                self.emit(Op::None);
                            }
                        }
                    }
                    self.set_span(e.span);
                    self.emit(Op::Slice);
                } else {
                    self.expr(index);
                    self.set_span(e.span);
                    self.emit(Op::Index);
                }
            }
            ExprKind::Slice { .. } => {
                self.error(e.span, "a slice is only allowed inside `[]`");
            }
            ExprKind::Range { lo, hi, inclusive } => {
                self.expr(lo);
                self.expr(hi);
                self.emit(Op::MakeRange(*inclusive));
            }
            ExprKind::Await(inner) => {
                if !self.fr().is_async {
                    self.diags.push(
                        Diagnostic::error(e.span, "`await` is only allowed inside an `async fn` or at the top level")
                            .with_label("this function is not `async`")
                            .with_help("declare the function `async fn`, or wait for a task from sync code with `task.await()`"),
                    );
                    return;
                }
                if self.select_of_builtin(inner, e.span, false) {
                    return;
                }
                if let ExprKind::Call { func, args } = &inner.kind {
                    if let ExprKind::Name(n) = &func.kind {
                        if self.try_inline(n, args, e.span, true) {
                            return;
                        }
                    }
                }
                self.expr(inner);
                self.set_span(e.span);
                self.emit(Op::Await);
            }
            ExprKind::Try(inner) => {
                self.expr(inner);
                self.set_span(e.span);
                match crate::builtins::native_index("<top-level ?>").filter(|_| self.fr().is_module) {
                    // No function to return from: an Err or None is raised.
                    Some(check) => {
                        self.emit(Op::Native(check));
                        self.emit(Op::Swap);
                        self.emit(Op::Call(1));
                    }
                    None => {
                        self.emit(Op::TryUnwrap);
                    }
                }
            }
            ExprKind::ListComp { elt, target, iter, cond } => {
                self.comprehension(
                    target,
                    iter,
                    cond.as_deref(),
                    |c, acc| {
                        c.expr(elt);
                        c.emit(Op::ListPushLocal(acc));
                    },
                    false,
                );
            }
            ExprKind::DictComp { key, value, target, iter, cond } => {
                self.comprehension(
                    target,
                    iter,
                    cond.as_deref(),
                    |c, _| {
                        c.expr(key);
                        c.expr(value);
                        c.emit(Op::DictInsert);
                    },
                    true,
                );
            }
        }
    }

    /// A name denoting a builtin or user type (not shadowed by a variable):
    /// indexing it is a generic application.
    pub(crate) fn is_generic_type(&self, obj: &Expr) -> bool {
        match &obj.kind {
            ExprKind::Name(n) => {
                !self.resolves_to_variable(n)
                    && (self.structs.contains_key(n)
                        || matches!(crate::builtins::lookup(n), Some(crate::builtins::Builtin::Value(Value::Type(_)))))
            }
            ExprKind::Index { obj, .. } => self.is_generic_type(obj),
            _ => false,
        }
    }

    /// Pushes a type argument: a known type, a nested generic, a tuple of
    /// them, or `Any` for a name the program does not define.
    fn type_arg(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Tuple(items) => {
                for i in items {
                    self.type_arg(i);
                }
                self.emit(Op::BuildTuple(items.len() as u32));
            }
            ExprKind::Index { obj, index } if self.is_generic_type(obj) => {
                self.expr(obj);
                self.type_arg(index);
                self.emit(Op::Index);
            }
            ExprKind::Name(n)
                if !self.resolves_to_variable(n)
                    && crate::builtins::lookup(n).is_none()
                    && !self.structs.contains_key(n) =>
            {
                let any =
                    Value::Type(std::sync::Arc::new(crate::types::TypeInfo::Builtin(crate::types::BuiltinType::Any)));
                let c = self.constant(any);
                self.emit(Op::Const(c));
            }
            _ => self.expr(t),
        }
    }

    /// `(slot, k)` when `lhs` is a local variable of this function and `rhs`
    /// an Int literal that fits in 32 bits.
    /// The slot of `e` when it is a local variable's name.
    pub(crate) fn local_of(&self, e: &Expr) -> Option<u16> {
        let ExprKind::Name(n) = &e.kind else { return None };
        self.fr().lookup(n).map(|l| l.slot)
    }

    pub(crate) fn local_and_small_int(&self, lhs: &Expr, rhs: &Expr) -> Option<(u16, i32)> {
        let (ExprKind::Name(n), ExprKind::Int(k)) = (&lhs.kind, &rhs.kind) else { return None };
        let k = i32::try_from(*k).ok()?;
        self.fr().lookup(n).map(|l| (l.slot, k))
    }

    pub(crate) fn sequence(&mut self, items: &[Expr], tuple: bool) {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            for i in items {
                self.expr(i);
            }
            self.emit(if tuple { Op::BuildTuple(items.len() as u32) } else { Op::BuildList(items.len() as u32) });
            return;
        }
        self.emit(Op::BuildList(0));
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner);
                    self.emit(Op::ListExtend);
                }
                _ => {
                    self.expr(i);
                    self.emit(Op::ListPush);
                }
            }
        }
        if tuple {
            let n = self.builtin_index("tuple");
            if let Some(n) = n {
                // tuple(list) keeps the order.
                let tmp = self.f().new_slot();
                self.emit(Op::Store(tmp));
                self.emit(Op::Native(n));
                self.emit(Op::Take(tmp));
                self.emit(Op::Call(1));
            }
        }
    }

    pub(crate) fn compare(&mut self, first: &Expr, rest: &[(ast::CmpOp, Expr)], span: Span) {
        if let [(op, rhs)] = rest {
            if !matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                if let Some((slot, k)) = self.local_and_small_int(first, rhs) {
                    self.set_span(span);
                    self.emit(Op::CompareLocalConst { slot, op: *op, k });
                    return;
                }
            }
        }
        self.expr(first);
        if rest.len() == 1 {
            self.expr(&rest[0].1);
            self.set_span(span);
            self.emit(Op::Compare(rest[0].0));
            return;
        }
        let mut exits = Vec::new();
        for (i, (op, operand)) in rest.iter().enumerate() {
            self.expr(operand);
            if i + 1 < rest.len() {
                let tmp = self.f().new_slot();
                self.emit(Op::Dup);
                self.emit(Op::Store(tmp));
                self.set_span(span);
                self.emit(Op::Compare(*op));
                exits.push(self.emit(Op::JumpIfFalseOrPop(0)));
                self.emit(Op::Load(tmp));
            } else {
                self.set_span(span);
                self.emit(Op::Compare(*op));
            }
        }
        for x in exits {
            self.f().patch(x);
        }
    }

    pub(crate) fn comprehension(
        &mut self,
        target: &ast::Pattern,
        iter: &Expr,
        cond: Option<&Expr>,
        body: impl FnOnce(&mut Compiler, u16),
        dict: bool,
    ) {
        self.emit(if dict { Op::BuildDict(0) } else { Op::BuildList(0) });
        let acc = self.f().new_slot();
        self.emit(Op::Store(acc));
        self.expr(iter);
        self.emit(Op::GetIter);
        let it = self.f().new_slot();
        self.emit(Op::Store(it));
        let top = self.f().here();
        let next = self.emit(Op::ForIter { slot: it, target: 0 });
        let unwrap = self.emit(Op::ForUnwrap(0));
        self.f().push_scope();
        let was_module = self.fr().is_module;
        // Comprehension variables are local to the comprehension, even at top level.
        self.f().is_module = false;
        self.bind_target(target);
        let mut skip = None;
        if let Some(c) = cond {
            self.expr(c);
            skip = Some(self.emit(Op::JumpIfFalse(0)));
        }
        // A list's element goes straight into the accumulator; a dict's key
        // and value are pushed above it, taken out of its slot meanwhile.
        if dict {
            self.emit(Op::Take(acc));
            body(self, acc);
            self.emit(Op::Store(acc));
        } else {
            body(self, acc);
        }
        if let Some(s) = skip {
            self.f().patch(s);
        }
        self.f().is_module = was_module;
        self.emit(Op::Jump(top));
        self.f().pop_scope();
        self.f().patch(next);
        self.f().patch(unwrap);
        self.emit(Op::Take(acc));
    }

    pub(crate) fn fstring(&mut self, parts: &[ast::FStringPart]) {
        for p in parts {
            match p {
                ast::FStringPart::Lit(s) => {
                    let c = self.constant(Value::str(s.clone()));
                    self.emit(Op::Const(c));
                }
                ast::FStringPart::Expr { expr, conv, spec } => {
                    self.expr(expr);
                    let fs = FormatSpec { repr: *conv == Some('r'), spec: spec.clone().unwrap_or_default() };
                    let idx = push(&mut self.f().proto.format_specs, fs);
                    self.set_span(expr.span);
                    self.emit(Op::Format(idx));
                }
            }
        }
        self.emit(Op::Concat(parts.len() as u32));
    }

    // ---- names ----

    /// The value of a type expression used as a value (`alias`).
    pub(crate) fn type_value(&mut self, t: &ast::TypeExpr) -> Option<Value> {
        if let ast::TypeExpr::Name { path, .. } = t {
            let name = &path.last()?.name;
            if let Some(crate::builtins::Builtin::Value(v)) = crate::builtins::lookup(name) {
                return Some(v);
            }
        }
        Some(Value::None)
    }
}

/// Whether evaluating index expression `e` leaves every local as it was:
/// names, literals, operators and indexing of those (no call, method call,
/// `await` or slice), so the indexed local may be read after it.
fn is_plain_index(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Bool(_) | ExprKind::Str(_) | ExprKind::Name(_) => true,
        ExprKind::Unary { expr, .. } => is_plain_index(expr),
        ExprKind::Binary { lhs, rhs, .. } => is_plain_index(lhs) && is_plain_index(rhs),
        ExprKind::Index { obj, index } => is_plain_index(obj) && is_plain_index(index),
        _ => false,
    }
}
