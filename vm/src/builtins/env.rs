//! The `env` module: `env.get(name)` ⇒ `Some(value)` or `None` for the
//! process environment. A value that is not valid UTF-8 is decoded lossily
//! (so it is still found); a name the OS cannot hold (empty, or containing
//! `=` or a NUL) is simply absent.

use super::Args;
use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::value::Value;

/// `env.get(name)` ⇒ `Optional[String]`.
pub fn get(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    if let Some((k, _)) = args.kw.first() {
        return Err(Thrown::type_error(format!("env.get() has no parameter named `{k}`")));
    }
    let name = match args.pos.as_slice() {
        [Value::Str(s)] => s.clone(),
        [other] => return Err(Thrown::type_error(format!("env.get() needs a String, not {}", other.type_name()))),
        other => return Err(Thrown::type_error(format!("env.get() takes 1 argument but {} were given", other.len()))),
    };
    // `std::env::var_os` may panic on such names; they can never be set anyway.
    if name.is_empty() || name.contains(['=', '\0']) {
        return Ok(Value::None);
    }
    Ok(match std::env::var_os(name.as_str()) {
        Some(v) => Value::some(Value::str(v.to_string_lossy().into_owned())),
        None => Value::None,
    })
}
