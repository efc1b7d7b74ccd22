//! The `math` module and `round`.

use super::core::one;
use super::Args;
use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::value::Value;

fn number(v: &Value, name: &str) -> RtResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        other => Err(Thrown::type_error(format!("{name}() needs a number, not {}", other.type_name()))),
    }
}

fn to_int(f: f64) -> RtResult<Value> {
    if !f.is_finite() || f.abs() >= 9.2e18 {
        return Err(Thrown::new("OverflowError", "cannot convert to Int"));
    }
    Ok(Value::Int(f as i64))
}

pub fn sqrt(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "sqrt")?;
    let f = number(v, "sqrt")?;
    if f < 0.0 {
        return Err(Thrown::value_error("math domain error: sqrt of a negative number"));
    }
    Ok(Value::Float(f.sqrt()))
}

pub fn floor(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "floor")?;
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        other => to_int(number(other, "floor")?.floor()),
    }
}

pub fn ceil(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "ceil")?;
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        other => to_int(number(other, "ceil")?.ceil()),
    }
}

/// `round(x)` rounds half to even like Python; `round(x, n)` keeps a Float.
pub fn round(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.as_slice() {
        [Value::Int(i)] => Ok(Value::Int(*i)),
        [v] => to_int(number(v, "round")?.round_ties_even()),
        [v, Value::Int(n)] => {
            let f = number(v, "round")?;
            let p = 10f64.powi((*n).clamp(-300, 300) as i32);
            Ok(Value::Float((f * p).round_ties_even() / p))
        }
        other => Err(Thrown::type_error(format!("round() takes 1 or 2 arguments but {} were given", other.len()))),
    }
}
