//! The `mojolite` command line: `run`, `-e`, `check`, `disasm`, `repl` and
//! `test`. Exit status: 0 on success, 1 for a runtime
//! error, 2 for a compile error or a problem with the command itself.

mod cli;
mod repl;
mod source;
mod test_runner;

use std::process::ExitCode;

/// Counts the bytes in use, for `--max-memory` (vm/src/memory.rs).
#[global_allocator]
static ALLOCATOR: vm::memory::CountingAlloc = vm::memory::CountingAlloc;

fn main() -> ExitCode {
    // Deeply nested programs are compiled by recursive code: give it room.
    let worker = std::thread::Builder::new().name("mojolite-main".into()).stack_size(256 << 20).spawn(cli::main);
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("mojolite: internal error (this is a bug in mojolite; please report it with the program that caused it)");
            ExitCode::from(101)
        }
    }
}
