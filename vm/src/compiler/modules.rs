//! Modules of your own: `import name` / `from name import x` load
//! `name.mojo` from the importing file's folder, compile it once per
//! program (a cache keyed by canonical path; an import cycle is an error),
//! and describe it as a `ModuleSpec` that the `ImportModule` instruction
//! instantiates once at run time.

use super::Compiler;
use crate::bytecode::FuncProto;
use lexer::{Diagnostic, Span};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// A compiled module, ready to be instantiated.
#[derive(Debug)]
pub struct ModuleSpec {
    /// Canonical path: one instance per program.
    pub key: String,
    pub name: String,
    pub init: Arc<FuncProto>,
    pub global_names: Vec<String>,
    pub frozen: Vec<bool>,
    pub file: Arc<str>,
    pub src: Arc<str>,
}

impl ModuleSpec {
    /// The names it defines, as a help line lists them.
    pub fn defined_names(&self) -> String {
        let names: Vec<&str> =
            self.global_names.iter().map(String::as_str).filter(|n| !super::is_hidden_global(n)).collect();
        names.join(", ")
    }
}

/// Shared by the compilers of one program.
#[derive(Default)]
pub struct Loader {
    cache: HashMap<PathBuf, Arc<ModuleSpec>>,
    /// Modules being compiled (import cycle detection).
    stack: Vec<PathBuf>,
    /// Every module loaded, in load order.
    pub loaded: Vec<Arc<ModuleSpec>>,
}

pub type SharedLoader = Rc<RefCell<Loader>>;

impl Compiler {
    /// The folder imports of this file are resolved against.
    pub(crate) fn import_dir(&self) -> PathBuf {
        Path::new(&*self.file).parent().map(Path::to_path_buf).unwrap_or_default()
    }

    /// Loads (compiling once) the module `name`; reports problems at `span`.
    pub(crate) fn load_module(&mut self, name: &str, span: Span) -> Option<Arc<ModuleSpec>> {
        let dir = self.import_dir();
        let path = dir.join(format!("{name}.mojo"));
        let Ok(canonical) = path.canonicalize() else {
            self.diags.push(
                Diagnostic::error(span, format!("no module named `{name}`"))
                    .with_label(format!("there is no `{}`", path.display()))
                    .with_help("the standard modules are async, io, math, random, time, json, env, fs, net, http; a module of your own is a `.mojo` file beside the importing file"),
            );
            return None;
        };
        if let Some(spec) = self.loader.borrow().cache.get(&canonical) {
            return Some(spec.clone());
        }
        if self.loader.borrow().stack.contains(&canonical) {
            self.diags.push(
                Diagnostic::error(span, format!("circular import of `{name}`"))
                    .with_help("move what both modules need into a third module"),
            );
            return None;
        }
        let src = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(s)) => s,
            Ok(Err(_)) => {
                self.error(span, format!("module `{name}` ({}) is not valid UTF-8", path.display()));
                return None;
            }
            Err(e) => {
                self.error(span, format!("cannot read module `{name}` ({}): {e}", path.display()));
                return None;
            }
        };
        let file: Arc<str> = path.to_string_lossy().into();
        let src: Arc<str> = src.into();
        self.loader.borrow_mut().stack.push(canonical.clone());
        let (tokens, mut diags) = lexer::lex(&src);
        let (module, more) = parser::parse_module(&tokens, src.len());
        diags.extend(more);
        let mut program = None;
        if let (Some(m), false) = (module, diags.iter().any(|d| d.is_error())) {
            let (p, more) = super::compile_with(&m, &file, &src, self.loader.clone(), super::Role::Imported);
            diags.extend(more);
            program = p;
        }
        self.loader.borrow_mut().stack.pop();
        let failed = program.is_none();
        for mut d in diags {
            d.file = Some((file.clone(), src.clone()));
            self.diags.push(d);
        }
        if failed {
            self.error(span, format!("module `{name}` has errors (reported above)"));
            return None;
        }
        let program = program?;
        let spec = Arc::new(ModuleSpec {
            key: canonical.to_string_lossy().into_owned(),
            name: name.to_string(),
            init: program.init,
            global_names: program.global_names,
            frozen: program.frozen,
            file,
            src,
        });
        let mut loader = self.loader.borrow_mut();
        loader.cache.insert(canonical, spec.clone());
        loader.loaded.push(spec.clone());
        Some(spec)
    }
}
