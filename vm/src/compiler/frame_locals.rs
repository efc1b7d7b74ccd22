//! Which variables of a program's top level live in the module body's own
//! frame instead of the table of globals.
//!
//! A global is shared: any task may read it, so a mutable one is read and
//! written under its slot's lock, and a loop over it is not a loop over a
//! local (no fused range loop, no lent receiver). A top-level variable that
//! no function mentions is only ever touched by the top level itself, so it
//! can be a local of the module body, as fast as the same code in `main`.
//!
//! The analysis is purely syntactic and conservative. A name qualifies when
//! no function, method or field default mentions it anywhere, and either
//! - (first binding) the first top-level statement that mentions it is a
//!   direct `var`/`=` binding of it whose value does not mention it: every
//!   later statement runs after that binding, so no read can find it unset;
//! - (scoped binding) every mention of it lies inside one construct that
//!   binds it before its body runs (`for x in`, `with … as x`, `while let`,
//!   `if let`, a `match` case, `except … as x`), so no read can come before
//!   the binding or after the construct.
//!
//! The compiler adds its own checks (the name is a mutable plain variable,
//! not an import, a module or a builtin it shadows) and only uses this for
//! a program's entry file and test files: an imported module's globals are
//! read by the modules that import it.

use super::ast_walk::{children, walk_block, walk_expr, walk_pattern, walk_stmt};
use super::{Compiler, GlobalKind};
use parser::ast::{Cond, Expr, ExprKind, FnDef, Pattern, PatternKind, Stmt, StmtKind};
use std::collections::{HashMap, HashSet};

impl Compiler {
    /// Moves the qualifying top-level variables out of the globals into the
    /// module body's outermost scope. Their global slots stay, unused.
    pub(crate) fn keep_top_level_in_frame(&mut self, body: &[Stmt]) {
        let mut names: Vec<String> = candidates(body).into_iter().filter(|n| self.may_live_in_frame(n)).collect();
        names.sort();
        for name in names {
            let Some(g) = self.globals.remove(&name) else { continue };
            if let Some(module) = self.funcs.first_mut() {
                let slot = module.declare_function_level(&name, g.span);
                self.frame_locals.insert(name, slot);
            }
        }
    }

    /// A plain mutable variable that names nothing else the compiler
    /// resolves by name (an import, a module, a builtin it shadows).
    fn may_live_in_frame(&self, name: &str) -> bool {
        let plain_var = self.globals.get(name).is_some_and(|g| g.kind == GlobalKind::Var && g.mutable);
        plain_var
            && !super::is_hidden_global(name)
            && !self.imports.contains_key(name)
            && !self.module_aliases.contains_key(name)
            && !self.module_locals.contains_key(name)
            && crate::builtins::lookup(name).is_none()
            && crate::builtins::module_exports(name).is_none()
    }
}

/// The top-level names that qualify (see the module comment).
pub(crate) fn candidates(body: &[Stmt]) -> HashSet<String> {
    let mut in_fns: HashSet<&str> = HashSet::new();
    defs_free_names(body, &mut in_fns);
    let mut total: HashMap<&str, u32> = HashMap::new();
    for s in body {
        walk_stmt(s, false, &mut |n, in_fn| {
            if !in_fn {
                *total.entry(n).or_insert(0) += 1;
            }
        });
    }
    let mut out: HashSet<&str> = HashSet::new();
    first_bindings(body, &mut out);
    for s in body {
        scoped_bindings(s, &total, &mut out);
    }
    out.into_iter().filter(|n| !in_fns.contains(n)).map(str::to_string).collect()
}

/// The names that the definitions of the top level (functions, methods,
/// field defaults, also those nested in top-level blocks) may resolve
/// outside themselves.
fn defs_free_names<'a>(body: &'a [Stmt], free: &mut HashSet<&'a str>) {
    for s in body {
        match &s.kind {
            StmtKind::Fn(def) => FreeNames { bound: Vec::new(), free }.def(def),
            StmtKind::Struct(def) => {
                let mut w = FreeNames { bound: Vec::new(), free };
                for field in &def.fields {
                    if let Some(d) = &field.default {
                        w.expr(d);
                    }
                }
                def.methods.iter().for_each(|m| w.def(m));
            }
            StmtKind::Trait(def) => {
                let mut w = FreeNames { bound: Vec::new(), free };
                def.methods.iter().for_each(|m| w.def(m));
            }
            StmtKind::If { branches, else_body } => {
                branches.iter().for_each(|(_, b)| defs_free_names(b, free));
                if let Some(b) = else_body {
                    defs_free_names(b, free);
                }
            }
            StmtKind::While { body, .. } | StmtKind::For { body, .. } | StmtKind::With { body, .. } => {
                defs_free_names(body, free)
            }
            StmtKind::Try { body, handlers, else_body, finally_body } => {
                defs_free_names(body, free);
                handlers.iter().for_each(|h| defs_free_names(&h.body, free));
                for b in [else_body, finally_body].into_iter().flatten() {
                    defs_free_names(b, free);
                }
            }
            StmtKind::Match { cases, .. } => cases.iter().for_each(|c| defs_free_names(&c.body, free)),
            _ => {}
        }
    }
}

/// A walk of a definition that follows the compiler's scopes inside it:
/// parameters, `var`/`let` for the rest of their block, the targets of
/// `for`, `with … as`, `while let`/`if let`, `match` cases, `except … as`
/// and comprehensions for their bodies. Every mention of a name not bound
/// so is free: the function may resolve it to a global. (An assignment to
/// an unbound name is free too: in a function it names the global, if
/// there is one.)
struct FreeNames<'a, 'f> {
    bound: Vec<&'a str>,
    free: &'f mut HashSet<&'a str>,
}

impl<'a> FreeNames<'a, '_> {
    fn mention(&mut self, n: &'a str) {
        if !self.bound.contains(&n) {
            self.free.insert(n);
        }
    }

    /// A definition: its defaults in the enclosing scope, its body with
    /// its parameters bound (and the enclosing bindings, which it captures).
    fn def(&mut self, def: &'a FnDef) {
        for p in &def.params {
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        let mark = self.bound.len();
        self.bound.extend(def.params.iter().map(|p| p.name.name.as_str()));
        self.block(&def.body);
        self.bound.truncate(mark);
    }

    fn block(&mut self, b: &'a [Stmt]) {
        let mark = self.bound.len();
        b.iter().for_each(|s| self.stmt(s));
        self.bound.truncate(mark);
    }

    fn bind(&mut self, p: &'a Pattern) {
        walk_pattern(p, false, &mut |n, _| self.bound.push(n));
    }

    /// `p` bound for `scope` only.
    fn scoped(&mut self, p: &'a Pattern, scope: impl FnOnce(&mut Self)) {
        let mark = self.bound.len();
        self.bind(p);
        scope(self);
        self.bound.truncate(mark);
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Let { pattern, value, .. } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                // Bound for the rest of the enclosing block.
                self.bind(pattern);
            }
            StmtKind::For { target, iter, body, .. } => {
                self.expr(iter);
                self.scoped(target, |w| w.block(body));
            }
            StmtKind::While { cond, body } => match cond {
                Cond::Expr(e) => {
                    self.expr(e);
                    self.block(body);
                }
                Cond::Let(p, e) => {
                    self.expr(e);
                    self.scoped(p, |w| w.block(body));
                }
            },
            StmtKind::If { branches, else_body } => {
                for (cond, block) in branches {
                    match cond {
                        Cond::Expr(e) => {
                            self.expr(e);
                            self.block(block);
                        }
                        Cond::Let(p, e) => {
                            self.expr(e);
                            self.scoped(p, |w| w.block(block));
                        }
                    }
                }
                if let Some(b) = else_body {
                    self.block(b);
                }
            }
            StmtKind::With { items, body, .. } => {
                let mark = self.bound.len();
                for item in items {
                    self.expr(&item.expr);
                    if let Some(n) = &item.name {
                        self.bound.push(&n.name);
                    }
                }
                self.block(body);
                self.bound.truncate(mark);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for case in cases {
                    self.scoped(&case.pattern, |w| {
                        if let Some(g) = &case.guard {
                            w.expr(g);
                        }
                        w.block(&case.body);
                    });
                }
            }
            StmtKind::Try { body, handlers, else_body, finally_body } => {
                self.block(body);
                for h in handlers {
                    // `except e:` may name an error kind or bind `e`: free
                    // either way, to be safe.
                    let mark = self.bound.len();
                    if let Some(ty) = &h.ty {
                        self.mention(&ty.name);
                    }
                    if let Some(n) = &h.name {
                        self.bound.push(&n.name);
                    }
                    self.block(&h.body);
                    self.bound.truncate(mark);
                }
                for b in [else_body, finally_body].into_iter().flatten() {
                    self.block(b);
                }
            }
            StmtKind::Fn(def) => {
                self.bound.push(&def.name.name);
                self.def(def);
            }
            StmtKind::Struct(def) => {
                for field in &def.fields {
                    if let Some(d) = &field.default {
                        self.expr(d);
                    }
                }
                def.methods.iter().for_each(|m| self.def(m));
            }
            StmtKind::Trait(def) => def.methods.iter().for_each(|m| self.def(m)),
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                targets.iter().for_each(|t| self.expr(t));
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::Assert { cond, msg } => {
                self.expr(cond);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Alias { .. } | StmtKind::Import { .. } | StmtKind::FromImport { .. } => {
                walk_stmt(s, false, &mut |n, _| self.mention(n))
            }
            StmtKind::Return(None) | StmtKind::Raise(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::ListComp { elt, target, iter, cond } => {
                self.expr(iter);
                self.scoped(target, |w| {
                    w.expr(elt);
                    if let Some(c) = cond {
                        w.expr(c);
                    }
                });
            }
            ExprKind::DictComp { key, value, target, iter, cond } => {
                self.expr(iter);
                self.scoped(target, |w| {
                    w.expr(key);
                    w.expr(value);
                    if let Some(c) = cond {
                        w.expr(c);
                    }
                });
            }
            ExprKind::Name(n) => self.mention(n),
            _ => children(e).into_iter().for_each(|x| self.expr(x)),
        }
    }
}

/// Names whose first mention (in the order the top level runs: definitions
/// are compiled apart) is a direct binding by a statement of the top level.
fn first_bindings<'a>(body: &'a [Stmt], out: &mut HashSet<&'a str>) {
    let mut seen: HashSet<&str> = HashSet::new();
    for s in body {
        if matches!(s.kind, StmtKind::Fn(_) | StmtKind::Struct(_) | StmtKind::Trait(_)) {
            continue;
        }
        let mut here: HashMap<&str, u32> = HashMap::new();
        walk_stmt(s, false, &mut |n, in_fn| {
            if !in_fn {
                *here.entry(n).or_insert(0) += 1;
            }
        });
        let direct = direct_bindings(s);
        for (n, count) in here {
            if seen.insert(n) && direct.get(n) == Some(&count) {
                out.insert(n);
            }
        }
    }
}

/// The names a `var`/`=` statement binds directly, with how many times it
/// names each (`a, b = …`, `a = b = …`).
fn direct_bindings(s: &Stmt) -> HashMap<&str, u32> {
    let mut names = HashMap::new();
    match &s.kind {
        StmtKind::Let { mutable: true, pattern, value: Some(_), .. } => {
            let mut binds = Vec::new();
            if plain_binds(pattern, &mut binds) {
                for n in binds {
                    *names.entry(n).or_insert(0) += 1;
                }
            }
        }
        StmtKind::Assign { targets, .. } => {
            for t in targets {
                name_targets(t, &mut names);
            }
        }
        _ => {}
    }
    names
}

/// The names of a `Bind` or a tuple of them; false for any other pattern.
fn plain_binds<'a>(p: &'a Pattern, out: &mut Vec<&'a str>) -> bool {
    match &p.kind {
        PatternKind::Bind(n) => {
            out.push(n);
            true
        }
        PatternKind::Wildcard => true,
        PatternKind::Tuple(items) => items.iter().all(|i| plain_binds(i, out)),
        _ => false,
    }
}

fn name_targets<'a>(t: &'a Expr, out: &mut HashMap<&'a str, u32>) {
    match &t.kind {
        ExprKind::Name(n) => *out.entry(n.as_str()).or_insert(0) += 1,
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| name_targets(i, out)),
        _ => {}
    }
}

/// Names all of whose top-level mentions lie inside one construct that
/// binds them before its body runs.
fn scoped_bindings<'a>(s: &'a Stmt, total: &HashMap<&'a str, u32>, out: &mut HashSet<&'a str>) {
    let binder = |binds: Vec<&'a str>, scope: &mut dyn FnMut(&mut dyn FnMut(&'a str, bool))| {
        binds_whole_scope(binds, scope, total)
    };
    match &s.kind {
        StmtKind::For { target, body, .. } => {
            out.extend(binder(pattern_binds(target), &mut |f| {
                walk_pattern(target, false, f);
                walk_block(body, false, f);
            }));
            body.iter().for_each(|s| scoped_bindings(s, total, out));
        }
        StmtKind::While { cond, body } => {
            if let Cond::Let(p, _) = cond {
                out.extend(binder(pattern_binds(p), &mut |f| {
                    walk_pattern(p, false, f);
                    walk_block(body, false, f);
                }));
            }
            body.iter().for_each(|s| scoped_bindings(s, total, out));
        }
        StmtKind::If { branches, else_body } => {
            for (cond, block) in branches {
                if let Cond::Let(p, _) = cond {
                    out.extend(binder(pattern_binds(p), &mut |f| {
                        walk_pattern(p, false, f);
                        walk_block(block, false, f);
                    }));
                }
                block.iter().for_each(|s| scoped_bindings(s, total, out));
            }
            if let Some(b) = else_body {
                b.iter().for_each(|s| scoped_bindings(s, total, out));
            }
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                if let Some(name) = &item.name {
                    out.extend(binder(vec![name.name.as_str()], &mut |f| {
                        f(&name.name, false);
                        walk_block(body, false, f);
                    }));
                }
            }
            body.iter().for_each(|s| scoped_bindings(s, total, out));
        }
        StmtKind::Match { cases, .. } => {
            for case in cases {
                out.extend(binder(pattern_binds(&case.pattern), &mut |f| {
                    walk_pattern(&case.pattern, false, f);
                    if let Some(g) = &case.guard {
                        walk_expr(g, false, f);
                    }
                    walk_block(&case.body, false, f);
                }));
                case.body.iter().for_each(|s| scoped_bindings(s, total, out));
            }
        }
        StmtKind::Try { body, handlers, else_body, finally_body } => {
            body.iter().for_each(|s| scoped_bindings(s, total, out));
            for h in handlers {
                if let Some(name) = &h.name {
                    out.extend(binder(vec![name.name.as_str()], &mut |f| {
                        f(&name.name, false);
                        walk_block(&h.body, false, f);
                    }));
                }
                h.body.iter().for_each(|s| scoped_bindings(s, total, out));
            }
            for b in [else_body, finally_body].into_iter().flatten() {
                b.iter().for_each(|s| scoped_bindings(s, total, out));
            }
        }
        _ => {}
    }
}

/// Those of `binds` whose every top-level mention is inside `scope` (which
/// calls its argument on each mention it holds).
fn binds_whole_scope<'a>(
    binds: Vec<&'a str>,
    scope: &mut dyn FnMut(&mut dyn FnMut(&'a str, bool)),
    total: &HashMap<&'a str, u32>,
) -> Vec<&'a str> {
    let mut inside: HashMap<&str, u32> = HashMap::new();
    scope(&mut |n, in_fn| {
        if !in_fn {
            *inside.entry(n).or_insert(0) += 1;
        }
    });
    binds.into_iter().filter(|n| inside.get(n).is_some_and(|c| total.get(n) == Some(c))).collect()
}

fn pattern_binds(p: &Pattern) -> Vec<&str> {
    let mut names = Vec::new();
    walk_pattern(p, false, &mut |n, _| names.push(n));
    names
}

#[cfg(test)]
mod tests {
    use super::candidates;

    fn names(src: &str) -> Vec<String> {
        let (module, diags) = parser::parse_source(src);
        assert!(diags.is_empty(), "{diags:?}");
        let Some(module) = module else { panic!("no module") };
        let mut v: Vec<String> = candidates(&module.body).into_iter().collect();
        v.sort();
        v
    }

    #[test]
    fn a_variable_no_function_mentions_qualifies() {
        let src = "var total = 0\nfor i in range(3):\n    total += i\nprint(total)\n";
        assert_eq!(names(src), vec!["i", "total"]);
    }

    #[test]
    fn a_variable_a_function_reads_stays_global() {
        let src = "var total = 0\nfn get() -> Int:\n    return total\ntotal += 1\nprint(get())\n";
        assert!(names(src).is_empty());
    }

    #[test]
    fn a_read_before_the_first_binding_stays_global() {
        let src = "if True:\n    x = 1\nprint(x)\nx = 2\n";
        assert!(!names(src).contains(&"x".to_string()));
        let src = "var y = y0()\nvar z = z + 1\n";
        assert_eq!(names(src), vec!["y"]);
    }

    #[test]
    fn a_loop_variable_read_after_its_loop_stays_global() {
        let src = "for i in range(0):\n    pass\nprint(i)\n";
        assert!(names(src).is_empty());
        let src = "while let Some(v) = f():\n    print(v)\n";
        assert_eq!(names(src), vec!["v"]);
    }

    #[test]
    fn mentions_in_methods_defaults_and_nested_functions_count() {
        let src = "var a = 1\nvar b = 2\nvar c = 3\nstruct S:\n    var x: Int = a\n    fn m(self) -> Int:\n        return b\nif True:\n    fn g() -> Int:\n        return c\n";
        assert!(names(src).is_empty());
    }

    #[test]
    fn a_function_own_parameters_and_locals_do_not_count() {
        let src = "async fn task(i: Int) -> Int:\n    var total = i\n    for h in range(3):\n        total += h\n    return [total for total in [total]][0]\nvar total = 0\nfor i in range(3):\n    total += i\nfor h in range(2):\n    print(h)\n";
        assert_eq!(names(src), vec!["h", "i", "total"]);
    }

    #[test]
    fn a_function_local_out_of_its_block_counts() {
        let src = "var x = 0\nfn f():\n    if True:\n        var x = 1\n    print(x)\n";
        assert!(names(src).is_empty());
        let src = "var x = 0\nfn f():\n    x = 1\n";
        assert!(names(src).is_empty());
        let src = "var x = 0\nfn f():\n    fn g():\n        print(x)\n";
        assert!(names(src).is_empty());
        let src = "var x = 0\nfn f(x: Int):\n    fn g():\n        print(x)\n";
        assert_eq!(names(src), vec!["x"]);
    }
}
