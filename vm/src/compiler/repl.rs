//! Compiling for the REPL and for `mojolite test`.
//!
//! A REPL input is a module body compiled against what earlier inputs
//! defined (`ReplState`: global names and slots, struct and trait infos,
//! imports). Its globals are never frozen (a later input may rebind them),
//! no call of `main` is appended, and when the input ends with an expression
//! statement the body returns `(value, repr(value))` so the REPL can echo it
//! (a statement returns `None`).

use super::func::FuncState;
use super::modules::{Loader, ModuleSpec};
use super::{pattern, Compiler, GlobalInfo, GlobalKind, Program, StructInfo};
use crate::bytecode::Op;
use lexer::{Diagnostic, Span};
use parser::ast::{self, StmtKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// What the compiler must remember between the inputs of a REPL session.
#[derive(Clone, Debug)]
pub struct ReplState {
    globals: HashMap<String, GlobalInfo>,
    global_names: Vec<String>,
    structs: HashMap<String, StructInfo>,
    traits: HashMap<String, Vec<String>>,
    module_aliases: HashMap<String, String>,
    imports: HashMap<String, crate::builtins::Builtin>,
    user_modules: HashMap<String, Arc<ModuleSpec>>,
    module_locals: HashMap<String, Arc<ModuleSpec>>,
    /// The number of global slots the session's table has.
    capacity: usize,
}

impl ReplState {
    pub fn new(capacity: usize) -> ReplState {
        ReplState {
            globals: HashMap::new(),
            global_names: Vec::new(),
            structs: HashMap::new(),
            traits: HashMap::new(),
            module_aliases: HashMap::new(),
            imports: HashMap::new(),
            user_modules: HashMap::new(),
            module_locals: HashMap::new(),
            capacity,
        }
    }

    /// Every global name defined so far, by slot.
    pub fn global_names(&self) -> &[String] {
        &self.global_names
    }

    /// The slot of a global name.
    pub fn slot_of(&self, name: &str) -> Option<u32> {
        self.globals.get(name).map(|g| g.slot)
    }

    /// Standard modules imported under another name (`import math as m`).
    pub fn module_alias(&self, name: &str) -> Option<&str> {
        self.module_aliases.get(name).map(|s| s.as_str())
    }
}

/// Compiles one REPL input against `state`, which is updated only when the
/// input compiles without errors.
pub fn compile_repl_input(
    module: &ast::Module,
    file: &str,
    src: &str,
    state: &mut ReplState,
) -> (Option<Program>, Vec<Diagnostic>) {
    let file: Arc<str> = file.into();
    let loader = Rc::new(RefCell::new(Loader::default()));
    let mut c = Compiler {
        file: file.clone(),
        src: src.into(),
        module_aliases: state.module_aliases.clone(),
        funcs: vec![FuncState::new("<module>", file.clone(), true, true)],
        globals: state.globals.clone(),
        global_names: state.global_names.clone(),
        structs: state.structs.clone(),
        traits: state.traits.clone(),
        diags: Vec::new(),
        global_writes: HashMap::new(),
        imports: state.imports.clone(),
        loader: loader.clone(),
        user_modules: state.user_modules.clone(),
        module_locals: state.module_locals.clone(),
        // A later input may rebind any function: nothing is inlined.
        bindings: HashMap::new(),
        inline_fns: HashMap::new(),
        inlining: false,
        // Every variable of a session is a global: later inputs read it.
        frame_locals: HashMap::new(),
    };
    c.forget_rebound(&module.body);
    c.collect_globals(&module.body);
    let echo = c.compile_repl_body(&module.body);
    if c.global_names.len() > state.capacity {
        c.error(
            Span::new(0, src.len().min(1)),
            format!("too many global names in this session (the limit is {})", state.capacity),
        )
        .with_help("start a new session");
    }
    let Some(mut body) = c.funcs.pop() else {
        return (None, c.diags);
    };
    if !echo {
        body.emit(Op::None);
    }
    body.emit(Op::Return);
    body.thread_jumps();
    body.note_await_shapes();
    if c.diags.iter().any(|d| d.is_error()) {
        return (None, c.diags);
    }
    state.globals = c.globals;
    state.global_names = c.global_names.clone();
    state.structs = c.structs;
    state.traits = c.traits;
    state.module_aliases = c.module_aliases;
    state.imports = c.imports;
    state.user_modules = c.user_modules;
    state.module_locals = c.module_locals;
    let n = c.global_names.len();
    let modules = loader.borrow().loaded.clone();
    let program = Program {
        init: Arc::new(body.proto),
        global_names: c.global_names,
        main_slot: None,
        frozen: vec![false; n],
        file,
        src: c.src,
        modules,
    };
    (Some(program), c.diags)
}

/// Compiles a module without the call of `main` at the end of its body (the
/// test runner runs the top level, then one test function).
pub fn compile_without_main(module: &ast::Module, file: &str, src: &str) -> (Option<Program>, Vec<Diagnostic>) {
    let loader = Rc::new(RefCell::new(Loader::default()));
    let (program, diags) = super::compile_with(module, file, src, loader.clone(), super::Role::Tests);
    let modules = loader.borrow().loaded.clone();
    (program.map(|p| Program { modules, ..p }), diags)
}

impl Compiler {
    /// A name that an earlier input defined as a function, struct or trait
    /// and this input rebinds with `let`/`=` is a plain variable from now on
    /// (unless this input defines it again).
    fn forget_rebound(&mut self, body: &[ast::Stmt]) {
        let mut names = Vec::new();
        for stmt in body {
            match &stmt.kind {
                StmtKind::Let { pattern: p, .. } => names.extend(pattern::bound_names(p).into_iter().map(|(n, _)| n)),
                StmtKind::Assign { targets, .. } => {
                    for t in targets {
                        assigned_names(t, &mut names);
                    }
                }
                _ => {}
            }
        }
        for name in names {
            if let Some(g) = self.globals.get_mut(&name) {
                if g.kind != GlobalKind::Var {
                    g.kind = GlobalKind::Var;
                    g.mutable = true;
                    self.structs.remove(&name);
                    self.traits.remove(&name);
                }
            }
        }
    }

    /// The module body in the order `compile_module_body` uses (types, then
    /// functions, then the other statements). Returns true when the last
    /// statement is an expression whose value (and repr) the body returns.
    fn compile_repl_body(&mut self, body: &[ast::Stmt]) -> bool {
        for stmt in body {
            if let StmtKind::Struct(_) | StmtKind::Trait(_) = &stmt.kind {
                self.stmt(stmt);
            }
        }
        for stmt in body {
            if let StmtKind::Fn(_) = &stmt.kind {
                self.stmt(stmt);
            }
        }
        let last = body.len().saturating_sub(1);
        for (i, stmt) in body.iter().enumerate() {
            match &stmt.kind {
                StmtKind::Fn(_) | StmtKind::Struct(_) | StmtKind::Trait(_) => {}
                StmtKind::Expr(e) if i == last => {
                    let old = self.set_span(stmt.span);
                    self.warn_dropped_coroutine(e);
                    self.expr(e);
                    // `(value, repr(value))`
                    self.emit(Op::Dup);
                    match crate::builtins::lookup("repr") {
                        Some(crate::builtins::Builtin::Native(i)) => {
                            self.emit(Op::Native(i));
                        }
                        Some(crate::builtins::Builtin::Value(v)) => {
                            let c = self.constant(v);
                            self.emit(Op::Const(c));
                        }
                        None => {
                            self.emit(Op::Pop);
                            self.emit(Op::Pop);
                            self.emit(Op::None);
                            self.set_span(old);
                            return true;
                        }
                    }
                    self.emit(Op::Swap);
                    self.emit(Op::Call(1));
                    self.emit(Op::BuildTuple(2));
                    self.set_span(old);
                    return true;
                }
                _ => self.stmt(stmt),
            }
        }
        false
    }
}

fn assigned_names(t: &ast::Expr, out: &mut Vec<String>) {
    match &t.kind {
        ast::ExprKind::Name(n) => out.push(n.clone()),
        ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
            for i in items {
                assigned_names(i, out);
            }
        }
        _ => {}
    }
}
