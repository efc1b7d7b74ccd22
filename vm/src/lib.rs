//! The mojolite VM: the compiler (AST → bytecode), values, and the
//! interpreter loop that runs a fiber without recursing on the Rust stack.

pub mod arena;
pub mod block_cache;
pub mod blocking;
pub mod builtins;
pub mod bytecode;
pub mod chan;
pub mod compiler;
pub mod coroutine;
pub mod deadlock;
pub mod disasm;
pub mod error;
pub mod format;
pub mod futures;
pub mod handles;
pub mod interp;
pub mod iter;
pub mod memory;
pub mod ops;
pub mod registry;
pub mod report;
pub mod rng;
pub mod session;
pub mod task;
pub mod task_name;
pub mod task_result;
pub mod testing;
pub mod types;
pub mod value;
pub mod wait_site;
pub mod waiters;

pub use compiler::Program;
pub use interp::Vm;
pub use value::Value;

use lexer::Diagnostic;

/// Lexes, parses and compiles one source file. The program is `Some` when
/// there were no errors; the diagnostics may hold warnings either way.
pub fn compile_source(file: &str, src: &str) -> (Option<Program>, Vec<Diagnostic>) {
    let (tokens, mut diags) = lexer::lex(src);
    let (module, parse_diags) = parser::parse_module(&tokens, src.len());
    diags.extend(parse_diags);
    let Some(module) = module else {
        return (None, diags);
    };
    if diags.iter().any(|d| d.is_error()) {
        return (None, diags);
    }
    let (program, compile_diags) = compiler::compile_module(&module, file, src);
    diags.extend(compile_diags);
    (program, diags)
}
