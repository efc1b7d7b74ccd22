//! Name resolution: locals, captures (closures copy what they use at
//! definition), globals, imports, builtins and standard-module members,
//! with "did you mean" suggestions for unknown names.

use super::func::Capture;
use super::Compiler;
use crate::bytecode::*;
use crate::value::Value;
use lexer::{Diagnostic, Span};
use parser::ast::{Expr, ExprKind};

impl Compiler {
    pub(crate) fn builtin_index(&self, name: &str) -> Option<u32> {
        match crate::builtins::lookup(name)? {
            crate::builtins::Builtin::Native(i) => Some(i),
            _ => None,
        }
    }

    pub(crate) fn emit_builtin(&mut self, b: crate::builtins::Builtin) {
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
    pub(crate) fn module_member(&mut self, obj: &Expr, member: &str) -> Option<crate::builtins::Builtin> {
        let ExprKind::Name(m) = &obj.kind else {
            return None;
        };
        if self.resolves_to_variable(m) {
            return None;
        }
        let module = self.module_aliases.get(m).cloned().unwrap_or_else(|| m.clone());
        crate::builtins::module_exports(&module)?;
        // A module member that is also a global builtin (`net.TcpListener`,
        // `async.spawn`) is that builtin.
        let exported = crate::builtins::module_exports(&module).unwrap_or(&[]).contains(&member);
        let found = crate::builtins::lookup(&format!("{module}.{member}"))
            .or_else(|| exported.then(|| crate::builtins::lookup(member)).flatten());
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

    pub(crate) fn resolves_to_variable(&self, name: &str) -> bool {
        self.funcs.iter().any(|f| !f.is_module && f.lookup(name).is_some()) || self.globals.contains_key(name)
    }

    /// Whether `name` here is a variable: a local, a captured one, `self`,
    /// or a module-level global.
    pub(crate) fn names_a_variable(&self, name: &str) -> bool {
        self.resolves_to_variable(name) || self.fr().self_name.as_deref() == Some(name)
    }

    /// Whether `name` here denotes the builtin of that name: no variable,
    /// global or import shadows it.
    pub(crate) fn is_builtin_name(&self, name: &str) -> bool {
        !self.resolves_to_variable(name)
            && self.fr().self_name.as_deref() != Some(name)
            && !self.imports.contains_key(name)
            && crate::builtins::lookup(name).is_some()
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

    pub(crate) fn current_struct_name(&self) -> Option<String> {
        let name = &self.fr().proto.name;
        name.split_once('.').map(|(s, _)| s.to_string())
    }

    /// Resolves `name` as a variable of an enclosing function, adding it to
    /// the captures of every function in between. Returns the slot in
    /// `funcs[depth]`.
    pub(crate) fn capture(&mut self, depth: usize, name: &str) -> Option<u16> {
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

    pub(crate) fn suggest(&self, name: &str) -> Option<String> {
        let mut candidates: Vec<String> =
            self.globals.keys().filter(|n| !super::is_hidden_global(n)).cloned().collect();
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
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
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
