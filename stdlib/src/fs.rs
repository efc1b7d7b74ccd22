//! `fs`: `read_text` and `write_text` run on the blocking pool (a worker
//! thread never waits on a disk) and give `Result`s; `exists` is a plain
//! call.

use crate::io_util::{io_err, str_arg};
use vm::error::{RtResult, Thrown};
use vm::interp::Vm;
use vm::Value;

fn ctx(vm: &Vm) -> RtResult<std::sync::Arc<vm::task::RtCtx>> {
    vm.ctx.clone().ok_or_else(|| Thrown::new("Error", "no runtime is running"))
}

/// `await fs.read_text(path)` ⇒ `Result[String]`.
pub fn read_text(vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let path = str_arg(&args.pos, 0, "the path")?.to_string();
    let ctx = ctx(vm)?;
    Ok(vm::futures::value(vm::blocking::run_native(&ctx, move || match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Value::ok(Value::str(s)),
            Err(_) => io_err(format!("cannot read {path}: the file is not valid UTF-8")),
        },
        Err(e) => io_err(format!("cannot read {path}: {e}")),
    })))
}

/// `await fs.write_text(path, text)` ⇒ `Result[()]`.
pub fn write_text(vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let path = str_arg(&args.pos, 0, "the path")?.to_string();
    let text = str_arg(&args.pos, 1, "the text")?.to_string();
    let ctx = ctx(vm)?;
    Ok(vm::futures::value(vm::blocking::run_native(&ctx, move || match std::fs::write(&path, text) {
        Ok(()) => Value::ok(Value::Unit),
        Err(e) => io_err(format!("cannot write {path}: {e}")),
    })))
}

/// `fs.exists(path)` ⇒ Bool.
pub fn exists(_vm: &mut Vm, args: vm::builtins::Args) -> RtResult<Value> {
    let path = str_arg(&args.pos, 0, "the path")?;
    Ok(Value::Bool(std::path::Path::new(path).exists()))
}
