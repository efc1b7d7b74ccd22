//! The compiler: AST → bytecode. It resolves every name to a slot (local,
//! capture, global or builtin), checks what can be checked before running
//! (`let` reassignment, global writes from functions, unknown names, `await`
//! outside async code, trait method sets, arity of known callees), and emits
//! the instructions of `bytecode.rs`. It never panics: problems become
//! `Diagnostic`s and compilation carries on to report as many as it can.

mod ast_walk;
mod calls;
mod expr;
mod flow;
mod frame_locals;
mod func;
mod handlers;
mod inline;
mod last_use;
mod modules;
mod names;
mod pattern;
mod place;
mod repl;
mod stmt;
mod structs;

use crate::bytecode::*;
use crate::value::Value;
use func::FuncState;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Stmt, StmtKind};
use std::collections::HashMap;
use std::sync::Arc;

use modules::SharedLoader;
pub use modules::{Loader, ModuleSpec};
pub use repl::{compile_repl_input, compile_without_main, ReplState};
use std::cell::RefCell;
use std::rc::Rc;

/// A compiled program: the module body as a function, and the global slots.
#[derive(Debug)]
pub struct Program {
    pub init: Arc<FuncProto>,
    pub global_names: Vec<String>,
    /// Global slot of `main`, when the module defines one.
    pub main_slot: Option<u32>,
    /// Globals written exactly once (functions, structs, most `let`s): after
    /// that write they never change, so reading them needs no lock.
    pub frozen: Vec<bool>,
    pub file: Arc<str>,
    pub src: Arc<str>,
    /// Every module of your own the program imports (directly or not).
    pub modules: Vec<Arc<ModuleSpec>>,
}

/// A module-level name.
#[derive(Clone, Debug)]
pub struct GlobalInfo {
    pub slot: u32,
    /// `let` globals cannot be reassigned, even at top level.
    pub mutable: bool,
    pub span: Span,
    pub kind: GlobalKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum GlobalKind {
    Var,
    Fn { params: Vec<ParamInfo>, has_star: bool, is_async: bool },
    Struct,
    Trait,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamInfo {
    pub name: String,
    pub has_default: bool,
}

/// What the compiler knows about a user struct (for constructor arity,
/// `self` field checks and trait conformance).
#[derive(Clone, Debug)]
pub struct StructInfo {
    pub fields: Vec<String>,
    /// Which fields have a default (`var retries: Int = 3`): the memberwise
    /// constructor may leave them out.
    pub field_defaults: Vec<bool>,
    pub methods: HashMap<String, SelfKind>,
    pub has_init: bool,
}

/// A diagnostic just recorded, to add a help line to.
pub(crate) struct DiagRef<'a>(&'a mut Diagnostic);

impl DiagRef<'_> {
    pub(crate) fn with_help(self, help: impl Into<String>) {
        self.0.help = Some(help.into());
    }
}

pub struct Compiler {
    pub(crate) file: Arc<str>,
    pub(crate) src: Arc<str>,
    /// `import http as h`: local module names → standard module names.
    pub(crate) module_aliases: HashMap<String, String>,
    pub(crate) funcs: Vec<FuncState>,
    pub(crate) globals: HashMap<String, GlobalInfo>,
    pub(crate) global_names: Vec<String>,
    pub(crate) structs: HashMap<String, StructInfo>,
    pub(crate) traits: HashMap<String, Vec<String>>,
    pub(crate) diags: Vec<Diagnostic>,
    /// How many times each global slot may be written (`u32::MAX`: in a loop or
    /// through a place). Globals written once are frozen: read without a lock.
    pub(crate) global_writes: HashMap<u32, u32>,
    /// Names bound by `from module import name [as alias]`.
    pub(crate) imports: HashMap<String, crate::builtins::Builtin>,
    pub(crate) loader: SharedLoader,
    /// Modules of your own by their dotted name in the import statement.
    pub(crate) user_modules: HashMap<String, Arc<ModuleSpec>>,
    /// Local names bound to a module of your own (`import m`, `import m as n`).
    pub(crate) module_locals: HashMap<String, Arc<ModuleSpec>>,
    /// How many times the pre-pass saw each module-level name bound.
    pub(crate) bindings: HashMap<String, u32>,
    /// Functions whose calls compile inline (`inline.rs`; never in the REPL).
    pub(crate) inline_fns: HashMap<String, Arc<ast::FnDef>>,
    /// Compiling an inlined body (no inlining inside it).
    pub(crate) inlining: bool,
    /// Top-level variables kept in the module body's frame rather than in
    /// the table of globals (`frame_locals.rs`), with their slots there.
    pub(crate) frame_locals: HashMap<String, u16>,
}

/// Compiles a parsed module. Returns the program when there were no errors;
/// the diagnostics may hold warnings either way.
pub fn compile_module(module: &ast::Module, file: &str, src: &str) -> (Option<Program>, Vec<Diagnostic>) {
    let loader: SharedLoader = Rc::new(RefCell::new(Loader::default()));
    let (program, diags) = compile_with(module, file, src, loader.clone(), Role::Entry);
    let modules = loader.borrow().loaded.clone();
    (program.map(|p| Program { modules, ..p }), diags)
}

/// What a compiled module is to the program.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Role {
    /// The file run: its body ends by calling `main`.
    Entry,
    /// A test file: the runner runs its body, then each test function.
    Tests,
    /// A module imported by another: its globals are read from outside.
    Imported,
}

/// Compiles one module.
pub(crate) fn compile_with(
    module: &ast::Module,
    file: &str,
    src: &str,
    loader: SharedLoader,
    role: Role,
) -> (Option<Program>, Vec<Diagnostic>) {
    let is_entry = role == Role::Entry;
    let file: Arc<str> = file.into();
    let mut c = Compiler {
        file: file.clone(),
        src: src.into(),
        module_aliases: HashMap::new(),
        funcs: vec![FuncState::new("<module>", file.clone(), true, true)],
        globals: HashMap::new(),
        global_names: Vec::new(),
        structs: HashMap::new(),
        traits: HashMap::new(),
        diags: Vec::new(),
        global_writes: HashMap::new(),
        imports: HashMap::new(),
        loader,
        user_modules: HashMap::new(),
        module_locals: HashMap::new(),
        bindings: HashMap::new(),
        inline_fns: HashMap::new(),
        inlining: false,
        frame_locals: HashMap::new(),
    };
    c.collect_globals(&module.body);
    c.collect_inline_candidates(&module.body);
    if role != Role::Imported {
        c.keep_top_level_in_frame(&module.body);
    }
    c.compile_module_body(&module.body);
    let main_slot = c.globals.get("main").filter(|g| matches!(g.kind, GlobalKind::Fn { .. })).map(|g| g.slot);
    // The module body ends by calling `main` (awaiting it when it is async).
    if let (Some(g), true) = (c.globals.get("main").cloned(), is_entry) {
        if let GlobalKind::Fn { is_async, .. } = g.kind {
            c.set_span(g.span);
            c.emit(Op::LoadGlobal(g.slot));
            c.emit(Op::Call(0));
            if is_async {
                c.emit(Op::Await);
            }
            // `main` returning `Err(e)` (often through `?`) fails the program.
            if let Some(check) = crate::builtins::native_index("<main result>") {
                c.emit(Op::Native(check));
                c.emit(Op::Swap);
                c.emit(Op::Call(1));
            }
            c.emit(Op::Pop);
        }
    }
    let Some(mut state) = c.funcs.pop() else {
        return (None, c.diags);
    };
    state.emit(Op::None);
    state.emit(Op::Return);
    state.thread_jumps();
    state.note_await_shapes();
    let has_errors = c.diags.iter().any(|d| d.is_error());
    let frozen = (0..c.global_names.len() as u32).map(|g| c.global_writes.get(&g).copied().unwrap_or(0) <= 1).collect();
    let program = Program {
        init: Arc::new(state.proto),
        global_names: c.global_names,
        main_slot,
        frozen,
        file,
        src: c.src.clone(),
        modules: Vec::new(),
    };
    (if has_errors { None } else { Some(program) }, c.diags)
}

impl Compiler {
    pub(crate) fn f(&mut self) -> &mut FuncState {
        let n = self.funcs.len() - 1;
        &mut self.funcs[n]
    }

    pub(crate) fn fr(&self) -> &FuncState {
        &self.funcs[self.funcs.len() - 1]
    }

    /// Records an error; `.with_help(…)` on the result adds a help line.
    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) -> DiagRef<'_> {
        self.diags.push(Diagnostic::error(span, msg));
        let n = self.diags.len() - 1;
        DiagRef(&mut self.diags[n])
    }

    pub(crate) fn warn(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Stores the value on the stack into a global, counting the write.
    pub(crate) fn store_global(&mut self, slot: u32) {
        let in_loop = !self.fr().loops.is_empty() || self.funcs.len() > 1;
        let w = self.global_writes.entry(slot).or_insert(0);
        *w = if in_loop { u32::MAX } else { w.saturating_add(1) };
        self.emit(Op::StoreGlobal(slot));
    }

    pub(crate) fn emit(&mut self, op: Op) -> usize {
        self.f().emit(op)
    }

    pub(crate) fn set_span(&mut self, span: Span) -> Span {
        std::mem::replace(&mut self.f().span, span)
    }

    fn add_global(&mut self, name: &str, mutable: bool, span: Span, kind: GlobalKind) -> u32 {
        self.count_binding(name);
        if let Some(g) = self.globals.get_mut(name) {
            // A later `fn`/`struct` with the same name wins its kind; a plain
            // re-declaration keeps the slot.
            if kind != GlobalKind::Var {
                g.kind = kind;
            }
            g.mutable |= mutable;
            return g.slot;
        }
        let slot = self.global_names.len() as u32;
        self.global_names.push(name.to_string());
        self.globals.insert(name.to_string(), GlobalInfo { slot, mutable, span, kind });
        slot
    }

    /// Pre-pass: every module-level name, so function bodies can refer to
    /// globals defined later in the file.
    fn collect_globals(&mut self, body: &[Stmt]) {
        for stmt in body {
            match &stmt.kind {
                StmtKind::Fn(f) => {
                    self.add_global(&f.name.name, false, f.name.span, fn_kind(f));
                }
                StmtKind::Struct(s) => {
                    self.add_global(&s.name.name, false, s.name.span, GlobalKind::Struct);
                    for m in s.methods.iter().filter(|m| is_static_method(m)) {
                        let kind = fn_kind(m);
                        self.add_global(&static_method_global(&s.name.name, &m.name.name), false, m.name.span, kind);
                    }
                    for m in s.methods.iter().filter(|m| structs::self_kind_of(m) == SelfKind::Read && !m.is_async) {
                        let kind = fn_kind(m);
                        self.add_global(&instance_method_global(&s.name.name, &m.name.name), false, m.name.span, kind);
                    }
                    let methods = s.methods.iter().map(|m| (m.name.name.clone(), structs::self_kind_of(m))).collect();
                    let has_init = s.methods.iter().any(|m| m.name.name == "__init__");
                    let fields = s.fields.iter().map(|f| f.name.name.clone()).collect();
                    let field_defaults = s.fields.iter().map(|f| f.default.is_some()).collect();
                    self.structs.insert(s.name.name.clone(), StructInfo { fields, field_defaults, methods, has_init });
                }
                StmtKind::Trait(t) => {
                    self.add_global(&t.name.name, false, t.name.span, GlobalKind::Trait);
                    let methods = t
                        .methods
                        .iter()
                        .filter(|m| m.is_stub || m.body.is_empty())
                        .map(|m| m.name.name.clone())
                        .collect();
                    self.traits.insert(t.name.name.clone(), methods);
                }
                StmtKind::Let { mutable, pattern, .. } => {
                    for (name, span) in pattern::bound_names(pattern) {
                        self.add_global(&name, *mutable, span, GlobalKind::Var);
                    }
                }
                StmtKind::Assign { targets, .. } => {
                    for t in targets {
                        self.collect_assign_target(t);
                    }
                }
                StmtKind::For { target, body, .. } => {
                    for (name, span) in pattern::bound_names(target) {
                        self.add_global(&name, true, span, GlobalKind::Var);
                    }
                    self.collect_globals(body);
                }
                StmtKind::If { branches, else_body } => {
                    for (cond, block) in branches {
                        if let ast::Cond::Let(p, _) = cond {
                            for (name, span) in pattern::bound_names(p) {
                                self.add_global(&name, true, span, GlobalKind::Var);
                            }
                        }
                        self.collect_globals(block);
                    }
                    if let Some(b) = else_body {
                        self.collect_globals(b);
                    }
                }
                StmtKind::While { cond, body } => {
                    if let ast::Cond::Let(p, _) = cond {
                        for (name, span) in pattern::bound_names(p) {
                            self.add_global(&name, true, span, GlobalKind::Var);
                        }
                    }
                    self.collect_globals(body);
                }
                StmtKind::Try { body, handlers, else_body, finally_body } => {
                    self.collect_globals(body);
                    for h in handlers {
                        if let Some(n) = &h.name {
                            self.add_global(&n.name, true, n.span, GlobalKind::Var);
                        }
                        self.collect_globals(&h.body);
                    }
                    if let Some(b) = else_body {
                        self.collect_globals(b);
                    }
                    if let Some(b) = finally_body {
                        self.collect_globals(b);
                    }
                }
                StmtKind::With { items, body, .. } => {
                    for item in items {
                        if let Some(n) = &item.name {
                            self.add_global(&n.name, true, n.span, GlobalKind::Var);
                        }
                    }
                    self.collect_globals(body);
                }
                StmtKind::Match { cases, .. } => {
                    for case in cases {
                        for (name, span) in pattern::bound_names(&case.pattern) {
                            self.add_global(&name, true, span, GlobalKind::Var);
                        }
                        self.collect_globals(&case.body);
                    }
                }
                StmtKind::Alias { name, .. } => {
                    self.add_global(&name.name, false, name.span, GlobalKind::Var);
                }
                StmtKind::Import { module, alias } => {
                    let path: Vec<&str> = module.iter().map(|i| i.name.as_str()).collect();
                    let dotted = path.join(".");
                    if crate::builtins::module_exports(&dotted).is_some() {
                        if let Some(alias) = alias {
                            self.module_aliases.insert(alias.name.clone(), dotted);
                        }
                    } else if let Some(spec) = self.user_module(module) {
                        let local = alias.as_ref().or(module.first());
                        if let Some(local) = local {
                            self.add_global(&local.name, false, local.span, GlobalKind::Var);
                            self.module_locals.insert(local.name.clone(), spec);
                        }
                    }
                }
                StmtKind::FromImport { module: m, names }
                    if crate::builtins::module_exports(
                        &m.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join("."),
                    )
                    .is_none() =>
                {
                    if let Some(spec) = self.user_module(m) {
                        for (name, alias) in names {
                            if !spec.global_names.contains(&name.name) {
                                self.diags.push(
                                    Diagnostic::error(
                                        name.span,
                                        format!("module `{}` has no name `{}`", spec.name, name.name),
                                    )
                                    .with_help(format!(
                                        "`{}` defines: {}",
                                        spec.name,
                                        spec.defined_names()
                                    )),
                                );
                                continue;
                            }
                            let local = alias.as_ref().unwrap_or(name);
                            self.add_global(&local.name, false, local.span, GlobalKind::Var);
                        }
                    }
                }
                StmtKind::FromImport { module, names } => {
                    // `from math import sqrt as root`: `root` names `math.sqrt`
                    // everywhere in the module (checked in `import`).
                    let path: Vec<&str> = module.iter().map(|i| i.name.as_str()).collect();
                    let module = path.join(".");
                    for (name, alias) in names {
                        let local = alias.as_ref().unwrap_or(name);
                        let qualified = format!("{module}.{}", name.name);
                        if let Some(b) =
                            crate::builtins::lookup(&qualified).or_else(|| crate::builtins::lookup(&name.name))
                        {
                            self.imports.insert(local.name.clone(), b);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Loads a module of your own named by an import path (a single name).
    fn user_module(&mut self, path: &[ast::Ident]) -> Option<Arc<ModuleSpec>> {
        let first = path.first()?;
        let dotted: Vec<&str> = path.iter().map(|i| i.name.as_str()).collect();
        let dotted = dotted.join(".");
        if let Some(spec) = self.user_modules.get(&dotted) {
            return Some(spec.clone());
        }
        if path.len() > 1 {
            let span = first.span.to(path[path.len() - 1].span);
            self.diags.push(Diagnostic::error(span, format!("no module named `{dotted}`")).with_help(
                "modules of your own are single files beside the importing file: `import name` loads `name.mojo`",
            ));
            return None;
        }
        let spec = self.load_module(&first.name, first.span)?;
        self.user_modules.insert(dotted, spec.clone());
        Some(spec)
    }

    fn collect_assign_target(&mut self, t: &ast::Expr) {
        match &t.kind {
            ast::ExprKind::Name(n) => {
                // `x = …` declares a var only when nothing declared `x` yet: a
                // later assignment must not make a `let` mutable.
                if !self.globals.contains_key(n) {
                    self.add_global(n, true, t.span, GlobalKind::Var);
                } else {
                    self.count_binding(n);
                }
            }
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                for i in items {
                    self.collect_assign_target(i);
                }
            }
            _ => {}
        }
    }

    fn compile_module_body(&mut self, body: &[Stmt]) {
        // Functions, structs and traits are defined before any other statement
        // runs, so top-level code may call a function defined further down.
        for stmt in body {
            match &stmt.kind {
                StmtKind::Struct(_) | StmtKind::Trait(_) => self.stmt(stmt),
                _ => {}
            }
        }
        for stmt in body {
            if let StmtKind::Fn(_) = &stmt.kind {
                self.stmt(stmt);
            }
        }
        for stmt in body {
            match &stmt.kind {
                StmtKind::Fn(_) | StmtKind::Struct(_) | StmtKind::Trait(_) => {}
                _ => self.stmt(stmt),
            }
        }
    }

    /// Compiles a nested function body into its own `FuncProto`; returns the
    /// proto and the names it captured from enclosing functions.
    pub(crate) fn function(
        &mut self,
        f: &ast::FnDef,
        self_kind: SelfKind,
        struct_name: Option<&str>,
    ) -> (Arc<FuncProto>, Vec<func::Capture>) {
        let mut state = FuncState::new(&f.name.name, self.file.clone(), false, f.is_async);
        if let Some(s) = struct_name {
            state.proto.name = format!("{s}.{}", f.name.name).into();
        }
        state.self_name = if struct_name.is_none() && self.funcs.len() > 1 { Some(f.name.name.clone()) } else { None };
        state.self_kind = self_kind;
        state.proto.self_kind = self_kind;
        state.proto.def_span = f.name.span;
        state.span = f.name.span;
        let mut first_default = None;
        for (i, p) in f.params.iter().enumerate() {
            if f.params[..i].iter().any(|q| q.name.name == p.name.name) {
                self.diags.push(Diagnostic::error(
                    p.name.span,
                    format!("duplicate parameter `{}` in `{}`", p.name.name, f.name.name),
                ));
            }
            if p.star {
                state.proto.has_star = true;
            } else if p.default.is_some() && first_default.is_none() {
                first_default = Some(i);
            } else if p.default.is_none() && first_default.is_some() {
                self.diags.push(
                    Diagnostic::error(
                        p.name.span,
                        format!("parameter `{}` without a default follows one with a default", p.name.name),
                    )
                    .with_help("move the parameters with defaults to the end"),
                );
            }
            let mutable = true;
            let slot = state.declare(&p.name.name, mutable, p.name.span);
            if let (0, Some(s), SelfKind::Read | SelfKind::Mut) = (slot, struct_name, self_kind) {
                // The receiver is expected to be of its struct (a hint for
                // the method call sites on it: `MethodSite::guess`).
                if let Some(l) = state.scopes.last_mut().and_then(|sc| sc.get_mut(p.name.name.as_str())) {
                    l.known_struct = Some(s.to_string());
                }
            }
            state.proto.params.push(p.name.name.as_str().into());
            let check = p.ty.as_ref().and_then(|t| self.type_check(t));
            state.proto.param_types.push(check);
        }
        let nparams = f.params.len();
        state.proto.first_default = first_default.unwrap_or(nparams);
        state.proto.ret_type = f.ret.as_ref().and_then(|t| self.type_check(t));
        state.proto.ret_int = matches!(state.proto.ret_type, Some(TypeCheck::Builtin(crate::types::BuiltinType::Int)));
        self.funcs.push(state);
        self.block(&f.body);
        // Falling off the end returns None.
        let end_span = f.body.last().map(|s| Span::new(s.span.hi as usize, s.span.hi as usize)).unwrap_or(f.span);
        self.set_span(end_span);
        self.emit(Op::None);
        self.emit(Op::Return);
        let mut state = self.funcs.pop().unwrap_or_else(|| FuncState::new("?", self.file.clone(), false, false));
        state.thread_jumps();
        state.note_await_shapes();
        state.drop_proven_arg_checks();
        // After the argument checks are proven (a `Take` writes its slot),
        // before slot 0's writes are counted (a `Take` of it is one).
        last_use::move_last_uses(&mut state.proto);
        state.note_slot0_writes();
        let captures = state.captures.clone();
        (Arc::new(state.proto), captures)
    }

    /// The runtime check for an annotation, or `None` for unchecked types
    /// (generics, names the program does not define).
    pub(crate) fn type_check(&mut self, t: &ast::TypeExpr) -> Option<TypeCheck> {
        match t {
            ast::TypeExpr::Name { path, .. } => {
                let name = &path.last()?.name;
                if path.len() > 1 {
                    return None;
                }
                if let Some(b) = crate::types::BuiltinType::from_name(name) {
                    return Some(TypeCheck::Builtin(b));
                }
                if let Some(b) = crate::types::BuiltinType::handle_from_name(name) {
                    // A program's own struct of that name wins (below).
                    if !self.structs.contains_key(name) {
                        return Some(TypeCheck::Builtin(b));
                    }
                }
                if self.structs.contains_key(name) || crate::types::is_error_kind(name) {
                    return Some(TypeCheck::Named(name.clone()));
                }
                None
            }
            ast::TypeExpr::Fn { .. } => Some(TypeCheck::Callable),
            ast::TypeExpr::Tuple { items, .. } => {
                if items.is_empty() {
                    None
                } else {
                    Some(TypeCheck::Builtin(crate::types::BuiltinType::Tuple))
                }
            }
        }
    }

    pub(crate) fn constant(&mut self, v: Value) -> u32 {
        self.f().constant(v)
    }
}

/// What a call site needs to know of a function definition.
fn fn_kind(f: &ast::FnDef) -> GlobalKind {
    let params = f
        .params
        .iter()
        .filter(|p| !p.star)
        .map(|p| ParamInfo { name: p.name.name.clone(), has_default: p.default.is_some() })
        .collect();
    GlobalKind::Fn { params, has_star: f.params.iter().any(|p| p.star), is_async: f.is_async }
}

/// A method without a receiver (not `__init__`): called on the type.
pub(crate) fn is_static_method(m: &ast::FnDef) -> bool {
    structs::self_kind_of(m) == SelfKind::None && m.name.name != "__init__"
}

/// The hidden global that also holds a module-level struct's static method,
/// so that `S.m(…)` and `S::m(…)` compile to `CallGlobal` like a call of a
/// free function (no attribute lookup, the same fast entry). The dot keeps
/// it apart from every name a program can write.
pub(crate) fn static_method_global(struct_name: &str, method: &str) -> String {
    format!("{struct_name}.{method}")
}

/// The hidden global that also holds a module-level struct's sync method
/// with a read-only `self`: a call site whose receiver the compiler
/// expects to be of that struct (`MethodSite::guess`) enters it from here
/// once the site's cache has seen the receiver's type is that struct.
pub(crate) fn instance_method_global(struct_name: &str, method: &str) -> String {
    format!("{struct_name}.{method}.self")
}

/// Whether a global is one of those hidden names (not shown to users).
pub fn is_hidden_global(name: &str) -> bool {
    name.contains('.')
}
