//! Expressions: literals, names (locals, captures, globals, builtins),
//! operators, calls (with compile-time arity checks for known callees),
//! method calls on places, f-strings, comprehensions.

use super::func::{push, Capture};
use super::{Compiler, GlobalKind};
use crate::bytecode::*;
use crate::value::Value;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Arg, Expr, ExprKind};
use std::sync::Arc;

impl Compiler {
    pub(crate) fn expr(&mut self, e: &Expr) {
        let old = self.set_span(e.span);
        self.expr_inner(e);
        self.set_span(old);
    }

    fn expr_inner(&mut self, e: &Expr) {
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
                self.expr(cond);
                let j = self.emit(Op::JumpIfFalse(0));
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
                self.expr(obj);
                self.set_span(name.span);
                let n = self.f().name_index(&name.name);
                self.emit(Op::GetAttr(n));
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
                self.expr(inner);
                self.set_span(e.span);
                self.emit(Op::Await);
            }
            ExprKind::Try(inner) => {
                self.expr(inner);
                self.set_span(e.span);
                self.emit(Op::TryUnwrap);
            }
            ExprKind::ListComp { elt, target, iter, cond } => {
                self.comprehension(
                    target,
                    iter,
                    cond.as_deref(),
                    |c| {
                        c.expr(elt);
                        c.emit(Op::ListPush);
                    },
                    false,
                );
            }
            ExprKind::DictComp { key, value, target, iter, cond } => {
                self.comprehension(
                    target,
                    iter,
                    cond.as_deref(),
                    |c| {
                        c.expr(key);
                        c.expr(value);
                        c.emit(Op::DictInsert);
                    },
                    true,
                );
            }
        }
    }

    /// `(slot, k)` when `lhs` is a local variable of this function and `rhs`
    /// an Int literal that fits in 32 bits.
    fn local_and_small_int(&self, lhs: &Expr, rhs: &Expr) -> Option<(u16, i32)> {
        let (ExprKind::Name(n), ExprKind::Int(k)) = (&lhs.kind, &rhs.kind) else { return None };
        let k = i32::try_from(*k).ok()?;
        self.fr().lookup(n).map(|l| (l.slot, k))
    }

    fn sequence(&mut self, items: &[Expr], tuple: bool) {
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

    fn compare(&mut self, first: &Expr, rest: &[(ast::CmpOp, Expr)], span: Span) {
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

    fn comprehension(
        &mut self,
        target: &ast::Pattern,
        iter: &Expr,
        cond: Option<&Expr>,
        body: impl FnOnce(&mut Compiler),
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
        self.emit(Op::Take(acc));
        // The element is pushed above the accumulator by `body`.
        body(self);
        self.emit(Op::Store(acc));
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

    fn fstring(&mut self, parts: &[ast::FStringPart]) {
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

    pub(crate) fn builtin_index(&self, name: &str) -> Option<u32> {
        match crate::builtins::lookup(name)? {
            crate::builtins::Builtin::Native(i) => Some(i),
            _ => None,
        }
    }

    fn emit_builtin(&mut self, b: crate::builtins::Builtin) {
        match b {
            crate::builtins::Builtin::Native(i) => {
                self.emit(Op::Native(i));
            }
            crate::builtins::Builtin::Value(v) => {
                let c = self.constant(v);
                self.emit(Op::Const(c));
            }
        }
    }

    /// `math.sqrt`, `http.get`: a member of a standard module, unless the
    /// module name is shadowed by a variable.
    fn module_member(&mut self, obj: &Expr, member: &str) -> Option<crate::builtins::Builtin> {
        let ExprKind::Name(m) = &obj.kind else {
            return None;
        };
        if self.resolves_to_variable(m) {
            return None;
        }
        let module = self.module_aliases.get(m).cloned().unwrap_or_else(|| m.clone());
        crate::builtins::module_exports(&module)?;
        let found = crate::builtins::lookup(&format!("{module}.{member}"));
        if found.is_none() {
            let exports = crate::builtins::module_exports(&module).unwrap_or(&[]);
            self.error(
                obj.span.to(Span::new(obj.span.hi as usize, obj.span.hi as usize + 1 + member.len())),
                format!("module `{module}` has no member `{member}`"),
            )
            .with_help(format!("`{module}` has: {}", exports.join(", ")));
            return Some(crate::builtins::Builtin::Value(Value::None));
        }
        found
    }

    fn resolves_to_variable(&self, name: &str) -> bool {
        self.funcs.iter().any(|f| !f.is_module && f.lookup(name).is_some()) || self.globals.contains_key(name)
    }

    pub(crate) fn name_load(&mut self, name: &str, span: Span) {
        if let Some(local) = self.fr().lookup(name) {
            let slot = local.slot;
            self.emit(Op::Load(slot));
            return;
        }
        if self.fr().self_name.as_deref() == Some(name) {
            self.emit(Op::LoadSelf);
            return;
        }
        let depth = self.funcs.len() - 1;
        if let Some(slot) = self.capture(depth, name) {
            self.emit(Op::Load(slot));
            return;
        }
        if let Some(g) = self.globals.get(name) {
            let slot = g.slot;
            self.emit(Op::LoadGlobal(slot));
            return;
        }
        if let Some(b) = self.imports.get(name).cloned() {
            self.emit_builtin(b);
            return;
        }
        if let Some(b) = crate::builtins::lookup(name) {
            self.emit_builtin(b);
            return;
        }
        if name == "Self" {
            if let Some(s) = self.current_struct_name() {
                self.name_load(&s, span);
                return;
            }
        }
        let mut d = Diagnostic::error(span, format!("unknown name `{name}`"))
            .with_label("not defined here or in any enclosing scope");
        if let Some(s) = self.suggest(name) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        self.diags.push(d);
    }

    fn current_struct_name(&self) -> Option<String> {
        let name = &self.fr().proto.name;
        name.split_once('.').map(|(s, _)| s.to_string())
    }

    /// Resolves `name` as a variable of an enclosing function, adding it to
    /// the captures of every function in between. Returns the slot in
    /// `funcs[depth]`.
    fn capture(&mut self, depth: usize, name: &str) -> Option<u16> {
        if depth == 0 || self.funcs[depth].is_module {
            return None;
        }
        if let Some(c) = self.funcs[depth].captures.iter().find(|c| c.name == name) {
            return Some(c.slot);
        }
        let outer = depth - 1;
        if self.funcs[outer].is_module {
            return None;
        }
        let found = self.funcs[outer].lookup(name).is_some()
            || self.funcs[outer].self_name.as_deref() == Some(name)
            || self.capture(outer, name).is_some();
        if !found {
            return None;
        }
        let f = &mut self.funcs[depth];
        let slot = f.new_slot();
        f.captures.push(Capture { name: name.to_string(), slot });
        f.proto.capture_slots.push(slot);
        Some(slot)
    }

    fn suggest(&self, name: &str) -> Option<String> {
        let mut candidates: Vec<String> = self.globals.keys().cloned().collect();
        for f in &self.funcs {
            for s in &f.scopes {
                candidates.extend(s.keys().cloned());
            }
        }
        candidates.extend(crate::builtins::names().map(|s| s.to_string()));
        candidates
            .into_iter()
            .filter(|c| c != name)
            .map(|c| (edit_distance(name, &c), c))
            .filter(|(d, c)| *d <= 2 && *d < c.len().max(2))
            .min()
            .map(|(_, c)| c)
    }

    // ---- calls ----

    fn call(&mut self, func: &Expr, args: &[Arg], span: Span) {
        if self.in_place_module_call(func, args, span) {
            return;
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

    /// `random.shuffle(xs)` shuffles the caller's list: the call returns the
    /// new list, which is stored back into the place; the expression is None.
    fn in_place_module_call(&mut self, func: &Expr, args: &[Arg], span: Span) -> bool {
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
    fn user_module_of(&self, obj: &Expr) -> Option<Arc<crate::compiler::ModuleSpec>> {
        let ExprKind::Name(m) = &obj.kind else { return None };
        if self.funcs.iter().any(|f| !f.is_module && f.lookup(m).is_some()) {
            return None;
        }
        self.module_locals.get(m).cloned()
    }

    fn check_user_module_member(&mut self, obj: &Expr, name: &ast::Ident) {
        if let Some(spec) = self.user_module_of(obj) {
            if !spec.global_names.contains(&name.name) {
                self.diags.push(
                    Diagnostic::error(name.span, format!("module `{}` has no name `{}`", spec.name, name.name))
                        .with_help(format!("`{}` defines: {}", spec.name, spec.global_names.join(", "))),
                );
            }
        }
    }

    /// `TcpListener::bind`, `TcpStream.connect`: an associated function of a
    /// builtin type, registered as the native `Type.name`.
    fn static_member(&self, base: &Expr, member: &str) -> Option<crate::builtins::Builtin> {
        let ExprKind::Name(t) = &base.kind else { return None };
        if self.resolves_to_variable(t) {
            return None;
        }
        crate::builtins::lookup(&format!("{t}.{member}")).filter(|_| t.chars().next().is_some_and(char::is_uppercase))
    }

    fn static_member_probe(&self, base: &Expr, member: &str) -> bool {
        self.static_member(base, member).is_some()
    }

    fn module_member_probe(&self, obj: &Expr) -> bool {
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
    fn is_type_name(&self, obj: &Expr) -> bool {
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
    fn push_args(&mut self, args: &[Arg]) -> Option<CallSite> {
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

    fn method_call(&mut self, obj: &Expr, name: &ast::Ident, args: &[Arg], span: Span) {
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
        let site = self.push_args(args).unwrap_or(CallSite {
            argc: args.len() as u32,
            kwnames: Vec::new(),
            stars: Vec::new(),
        });
        self.set_span(span);
        let _ = name.span;
        let ms = MethodSite { name: name.name.as_str().into(), call: site, place };
        let idx = push(&mut self.f().proto.method_sites, ms);
        self.emit(Op::CallMethod(idx));
    }

    /// Arity and keyword checks for calls whose callee is known statically.
    fn check_known_call(&mut self, name: &str, args: &[Arg], span: Span) {
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
                Some(s) if !s.has_init => (s.fields.iter().map(|f| (f.clone(), false)).collect(), false),
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
    fn global_fn_slot(&self, name: &str) -> Option<u32> {
        if self.resolves_to_local(name) || self.fr().self_name.as_deref() == Some(name) {
            return None;
        }
        match self.globals.get(name) {
            Some(g) if matches!(g.kind, GlobalKind::Fn { .. }) => Some(g.slot),
            _ => None,
        }
    }

    fn resolves_to_local(&self, name: &str) -> bool {
        self.funcs.iter().any(|f| !f.is_module && f.lookup(name).is_some())
            || self.fr().captures.iter().any(|c| c.name == name)
    }

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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn signature_help(name: &str, params: &[(String, bool)]) -> String {
    let ps: Vec<String> = params.iter().map(|(p, d)| if *d { format!("{p}=…") } else { p.clone() }).collect();
    format!("the signature is `{name}({})`", ps.join(", "))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}
