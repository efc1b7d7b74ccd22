//! Places: the left-hand sides `x`, `a.b`, `xs[i][j]`, `pts[0].x` that
//! assignment and mutating method calls update in place. A place is a root
//! slot plus a path; its index expressions are evaluated onto the stack.

use super::func::push;
use super::Compiler;
use crate::bytecode::*;
use lexer::Diagnostic;
use parser::ast::{Expr, ExprKind};

/// Method names that mutate a List or Dict receiver.
pub const MUTATING_BUILTIN_METHODS: &[&str] =
    &["append", "extend", "insert", "pop", "remove", "sort", "reverse", "setdefault", "update"];

pub fn is_place(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) => true,
        ExprKind::Attr { obj, .. } => is_place(obj),
        ExprKind::Index { obj, index } => !matches!(index.kind, ExprKind::Slice { .. }) && is_place(obj),
        _ => false,
    }
}

impl Compiler {
    /// Emits the index expressions of the place `e` and registers it. `write`
    /// says the place is assigned (checks `let`, read-only `self`, globals).
    /// Returns `None`, emitting nothing, when the root is not a variable of
    /// this function or module (a method receiver is then used by value).
    pub(crate) fn place(&mut self, e: &Expr, write: bool) -> Option<u32> {
        let mut steps = Vec::new();
        let mut indices = Vec::new();
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Attr { obj, name } => {
                    steps.push(PlaceStep::Field(name.name.as_str().into(), FieldCache::default()));
                    cur = obj;
                }
                ExprKind::Index { obj, index } => {
                    steps.push(PlaceStep::Index);
                    indices.push(&**index);
                    cur = obj;
                }
                _ => break,
            }
        }
        steps.reverse();
        indices.reverse();
        let ExprKind::Name(root_name) = &cur.kind else {
            self.error(e.span, "cannot assign to this expression");
            return None;
        };
        let text = self.src.get(e.span.range()).unwrap_or(root_name).to_string();
        let readonly;
        let root = match self.fr().lookup(root_name).cloned() {
            Some(local) => {
                readonly = !local.mutable || (root_name == "self" && self.fr().self_kind == SelfKind::Read);
                if write && !steps.is_empty() && root_name == "self" && self.fr().self_kind == SelfKind::Read {
                    self.diags.push(
                        Diagnostic::error(
                            e.span,
                            format!("cannot assign to `{text}`: `self` is read-only in this method"),
                        )
                        .with_label("assignment to a field of a read-only receiver")
                        .with_help("declare the receiver as `mut self` to modify it"),
                    );
                } else if write && !local.mutable {
                    self.diags.push(
                        Diagnostic::error(
                            e.span,
                            format!("cannot assign to `{text}`: `{root_name}` is a `let` binding"),
                        )
                        .with_help(format!("declare it with `var {root_name} = …` to make it mutable")),
                    );
                }
                PlaceRoot::Local(local.slot)
            }
            None => {
                match self.globals.get(root_name).cloned() {
                    Some(g) if self.fr().is_module => {
                        readonly = !g.mutable;
                        if write && !g.mutable && !steps.is_empty() {
                            self.diags.push(
                                Diagnostic::error(
                                    e.span,
                                    format!("cannot assign to `{text}`: `{root_name}` is a `let` binding"),
                                )
                                .with_help(format!("declare it with `var {root_name} = …` to make it mutable")),
                            );
                        }
                        self.global_writes.insert(g.slot, u32::MAX);
                        PlaceRoot::Global(g.slot)
                    }
                    Some(_) if write => {
                        self.global_write_error(root_name, e.span);
                        return None;
                    }
                    _ => {
                        // A capture, a global read from a function, or a builtin:
                        // not a writable place; a method receiver is used by value.
                        if write {
                            self.diags.push(Diagnostic::error(e.span, format!("cannot assign to `{text}`")).with_help(
                                format!("`{root_name}` is not a variable of this function (closures capture by value)"),
                            ));
                        }
                        return None;
                    }
                }
            }
        };
        for idx in indices {
            self.expr(idx);
        }
        let place = Place { root, steps, text, readonly };
        Some(push(&mut self.f().proto.places, place))
    }

    /// A List/Dict mutating method (`append`, `pop`, …) called on a `let`
    /// binding or on a read-only `self` is a compile error.
    pub(crate) fn check_readonly_method(&mut self, obj: &Expr, method: &str) {
        let mut root = obj;
        while let ExprKind::Attr { obj, .. } | ExprKind::Index { obj, .. } = &root.kind {
            root = obj;
        }
        let ExprKind::Name(name) = &root.kind else { return };
        let text = self.src.get(obj.span.range()).unwrap_or(name).to_string();
        let Some(local) = self.fr().lookup(name).cloned() else {
            if !MUTATING_BUILTIN_METHODS.contains(&method) {
                return;
            }
            if let Some(g) = self.globals.get(name) {
                if self.fr().is_module && !g.mutable {
                    self.diags.push(
                        Diagnostic::error(
                            obj.span,
                            format!("cannot call mutating method `{method}` on `{text}`: `{name}` is a `let` binding"),
                        )
                        .with_help(format!("declare it with `var {name} = …` to make it mutable")),
                    );
                }
            }
            return;
        };
        if let (Some(s), false) = (&local.known_struct, local.mutable) {
            if self.structs.get(s).is_some_and(|i| i.methods.get(method) == Some(&SelfKind::Mut)) {
                self.diags.push(
                    Diagnostic::error(
                        obj.span,
                        format!("cannot call `mut self` method `{method}` on `{text}`: `{name}` is a `let` binding"),
                    )
                    .with_help(format!("declare it with `var {name} = …` to make it mutable")),
                );
                return;
            }
        }
        if !MUTATING_BUILTIN_METHODS.contains(&method) {
            return;
        }
        if name == "self" && self.fr().self_kind == SelfKind::Read {
            self.diags.push(
                Diagnostic::error(
                    obj.span,
                    format!("cannot call mutating method `{method}` on `{text}`: `self` is read-only in this method"),
                )
                .with_help("declare the receiver as `mut self` to modify it"),
            );
        } else if !local.mutable {
            self.diags.push(
                Diagnostic::error(
                    obj.span,
                    format!("cannot call mutating method `{method}` on `{text}`: `{name}` is a `let` binding"),
                )
                .with_help(format!("declare it with `var {name} = …` to make it mutable")),
            );
        }
    }

    /// Inside a function, a mutating method called on a global is a global write.
    pub(crate) fn check_global_method(&mut self, obj: &Expr, method: &str) {
        if self.fr().is_module {
            return;
        }
        let mut root = obj;
        while let ExprKind::Attr { obj, .. } | ExprKind::Index { obj, .. } = &root.kind {
            root = obj;
        }
        let ExprKind::Name(name) = &root.kind else {
            return;
        };
        if self.funcs.iter().any(|f| !f.is_module && f.lookup(name).is_some()) || !self.globals.contains_key(name) {
            return;
        }
        let mutating = MUTATING_BUILTIN_METHODS.contains(&method)
            || self.structs.values().any(|s| s.methods.get(method).is_some_and(|k| *k == SelfKind::Mut));
        if mutating {
            self.diags.push(
                Diagnostic::error(obj.span, format!("cannot call mutating method `{method}` on global `{name}` inside a function"))
                    .with_label("this would write a global (tasks would race)")
                    .with_help("share mutable state through an `Atomic`, a `Shared` cell or a `Channel`, or pass the value in and return the new one"),
            );
        }
    }
}
