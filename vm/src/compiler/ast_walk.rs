//! Walks over the syntax tree that report every name a piece of code
//! mentions (read, bound or assigned), in source order, with whether the
//! mention is inside a function definition. For analyses that need to know
//! where a name is used before compiling (`frame_locals.rs`).

use parser::ast::{Cond, Expr, ExprKind, FStringPart, FnDef, Pattern, PatternKind, Stmt, StmtKind};

/// Calls `f` on every name `s` mentions (read, bound or assigned), with
/// whether the mention is inside a function (`in_fn`, or a definition
/// nested in `s`).
pub(crate) fn walk_stmt<'a>(s: &'a Stmt, in_fn: bool, f: &mut dyn FnMut(&'a str, bool)) {
    match &s.kind {
        StmtKind::Expr(e) => walk_expr(e, in_fn, f),
        StmtKind::Let { pattern, value, .. } => {
            walk_pattern(pattern, in_fn, f);
            if let Some(v) = value {
                walk_expr(v, in_fn, f);
            }
        }
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| walk_expr(t, in_fn, f));
            walk_expr(value, in_fn, f);
        }
        StmtKind::AugAssign { target, value, .. } => {
            walk_expr(target, in_fn, f);
            walk_expr(value, in_fn, f);
        }
        StmtKind::If { branches, else_body } => {
            for (cond, block) in branches {
                walk_cond(cond, in_fn, f);
                walk_block(block, in_fn, f);
            }
            if let Some(b) = else_body {
                walk_block(b, in_fn, f);
            }
        }
        StmtKind::While { cond, body } => {
            walk_cond(cond, in_fn, f);
            walk_block(body, in_fn, f);
        }
        StmtKind::For { target, iter, body, .. } => {
            walk_pattern(target, in_fn, f);
            walk_expr(iter, in_fn, f);
            walk_block(body, in_fn, f);
        }
        StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        StmtKind::Return(e) | StmtKind::Raise(e) => {
            if let Some(e) = e {
                walk_expr(e, in_fn, f);
            }
        }
        StmtKind::Try { body, handlers, else_body, finally_body } => {
            walk_block(body, in_fn, f);
            for h in handlers {
                for id in [&h.ty, &h.name].into_iter().flatten() {
                    f(&id.name, in_fn);
                }
                walk_block(&h.body, in_fn, f);
            }
            for b in [else_body, finally_body].into_iter().flatten() {
                walk_block(b, in_fn, f);
            }
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                walk_expr(&item.expr, in_fn, f);
                if let Some(n) = &item.name {
                    f(&n.name, in_fn);
                }
            }
            walk_block(body, in_fn, f);
        }
        StmtKind::Match { subject, cases } => {
            walk_expr(subject, in_fn, f);
            for case in cases {
                walk_pattern(&case.pattern, in_fn, f);
                if let Some(g) = &case.guard {
                    walk_expr(g, in_fn, f);
                }
                walk_block(&case.body, in_fn, f);
            }
        }
        StmtKind::Assert { cond, msg } => {
            walk_expr(cond, in_fn, f);
            if let Some(m) = msg {
                walk_expr(m, in_fn, f);
            }
        }
        StmtKind::Fn(def) => {
            f(&def.name.name, in_fn);
            walk_fn(def, f);
        }
        StmtKind::Struct(def) => {
            f(&def.name.name, in_fn);
            for field in &def.fields {
                if let Some(d) = &field.default {
                    walk_expr(d, true, f);
                }
            }
            def.methods.iter().for_each(|m| walk_fn(m, f));
        }
        StmtKind::Trait(def) => {
            f(&def.name.name, in_fn);
            def.methods.iter().for_each(|m| walk_fn(m, f));
        }
        StmtKind::Alias { name, .. } => f(&name.name, in_fn),
        StmtKind::Import { module, alias } => {
            for id in alias.iter().chain(module.first()) {
                f(&id.name, in_fn);
            }
        }
        StmtKind::FromImport { names, .. } => {
            for (name, alias) in names {
                f(&alias.as_ref().unwrap_or(name).name, in_fn);
            }
        }
    }
}

/// A definition's parameters, defaults and body: all inside a function.
fn walk_fn<'a>(def: &'a FnDef, f: &mut dyn FnMut(&'a str, bool)) {
    for p in &def.params {
        f(&p.name.name, true);
        if let Some(d) = &p.default {
            walk_expr(d, true, f);
        }
    }
    walk_block(&def.body, true, f);
}

pub(crate) fn walk_block<'a>(b: &'a [Stmt], in_fn: bool, f: &mut dyn FnMut(&'a str, bool)) {
    b.iter().for_each(|s| walk_stmt(s, in_fn, f));
}

fn walk_cond<'a>(c: &'a Cond, in_fn: bool, f: &mut dyn FnMut(&'a str, bool)) {
    match c {
        Cond::Expr(e) => walk_expr(e, in_fn, f),
        Cond::Let(p, e) => {
            walk_pattern(p, in_fn, f);
            walk_expr(e, in_fn, f);
        }
    }
}

pub(crate) fn walk_pattern<'a>(p: &'a Pattern, in_fn: bool, f: &mut dyn FnMut(&'a str, bool)) {
    match &p.kind {
        PatternKind::Bind(n) | PatternKind::Star(Some(n)) => f(n, in_fn),
        PatternKind::Tuple(items) | PatternKind::List(items) | PatternKind::Or(items) => {
            items.iter().for_each(|i| walk_pattern(i, in_fn, f))
        }
        PatternKind::Ctor { args: Some(args), .. } => args.iter().for_each(|i| walk_pattern(i, in_fn, f)),
        PatternKind::Literal(e) => walk_expr(e, in_fn, f),
        PatternKind::Wildcard | PatternKind::None | PatternKind::Star(None) | PatternKind::Ctor { args: None, .. } => {}
    }
}

pub(crate) fn walk_expr<'a>(e: &'a Expr, in_fn: bool, f: &mut dyn FnMut(&'a str, bool)) {
    match &e.kind {
        ExprKind::Name(n) => f(n, in_fn),
        ExprKind::ListComp { target, .. } | ExprKind::DictComp { target, .. } => walk_pattern(target, in_fn, f),
        _ => {}
    }
    children(e).into_iter().for_each(|x| walk_expr(x, in_fn, f));
}

/// The expressions directly inside `e` (for a comprehension: all but its
/// target pattern).
pub(crate) fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bool(_)
        | ExprKind::None
        | ExprKind::Unit
        | ExprKind::Ellipsis
        | ExprKind::Name(_) => Vec::new(),
        ExprKind::FString(parts) => parts
            .iter()
            .filter_map(|p| match p {
                FStringPart::Expr { expr, .. } => Some(expr),
                FStringPart::Lit(_) => None,
            })
            .collect(),
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().collect(),
        ExprKind::Dict(pairs) => pairs.iter().flat_map(|(k, v)| [k, v]).collect(),
        ExprKind::Starred(x)
        | ExprKind::Unary { expr: x, .. }
        | ExprKind::Await(x)
        | ExprKind::Try(x)
        | ExprKind::Attr { obj: x, .. }
        | ExprKind::Path { base: x, .. } => vec![x],
        ExprKind::Binary { lhs, rhs, .. }
        | ExprKind::And(lhs, rhs)
        | ExprKind::Or(lhs, rhs)
        | ExprKind::Index { obj: lhs, index: rhs }
        | ExprKind::Range { lo: lhs, hi: rhs, .. } => vec![lhs, rhs],
        ExprKind::Compare { first, rest } => std::iter::once(&**first).chain(rest.iter().map(|(_, x)| x)).collect(),
        ExprKind::Ternary { cond, then, else_ } => vec![cond, then, else_],
        ExprKind::Call { func, args } => std::iter::once(&**func).chain(args.iter().map(|a| &a.value)).collect(),
        ExprKind::Slice { lo, hi, step } => [lo, hi, step].into_iter().flatten().map(|x| &**x).collect(),
        ExprKind::ListComp { elt, iter, cond, .. } => {
            [Some(elt), Some(iter), cond.as_ref()].into_iter().flatten().map(|x| &**x).collect()
        }
        ExprKind::DictComp { key, value, iter, cond, .. } => {
            [Some(key), Some(value), Some(iter), cond.as_ref()].into_iter().flatten().map(|x| &**x).collect()
        }
    }
}
