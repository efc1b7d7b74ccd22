//! The `math` module (sqrt, floor, ceil, pow, exp, log, trigonometry,
//! isnan/isinf/isfinite; the constants live in `builtin_value`) and `round`.
//! Domain errors raise `ValueError` and results too large for a Float raise
//! `OverflowError`, as Python's `math` does.

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

fn two<'a>(args: &'a Args, name: &str) -> RtResult<[&'a Value; 2]> {
    match args.pos.as_slice() {
        [a, b] => Ok([a, b]),
        other => Err(Thrown::type_error(format!("{name}() takes 2 arguments but {} were given", other.len()))),
    }
}

/// A finite result from finite inputs, or the matching error.
fn checked(name: &str, input_finite: bool, r: f64, domain: &str) -> RtResult<Value> {
    if input_finite && r.is_nan() {
        return Err(Thrown::value_error(format!("math domain error: {name} {domain}")));
    }
    if input_finite && r.is_infinite() {
        return Err(Thrown::new("OverflowError", format!("math range error: {name} result too large")));
    }
    Ok(Value::Float(r))
}

/// `math.pow(x, y)`: always a Float, like Python's `math.pow`.
pub fn pow(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [a, b] = two(&args, "pow")?;
    let (x, y) = (number(a, "pow")?, number(b, "pow")?);
    if x == 0.0 && y < 0.0 {
        return Err(Thrown::value_error("math domain error: pow of zero to a negative power"));
    }
    checked("pow", x.is_finite() && y.is_finite(), x.powf(y), "of a negative number to a fractional power")
}

pub fn exp(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "exp")?;
    let x = number(v, "exp")?;
    checked("exp", x.is_finite(), x.exp(), "")
}

/// `math.log(x)` is the natural logarithm; `math.log(x, base)` any base.
pub fn log(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let (x, base) = match args.pos.as_slice() {
        [v] => (number(v, "log")?, None),
        [v, b] => (number(v, "log")?, Some(number(b, "log")?)),
        other => {
            return Err(Thrown::type_error(format!("log() takes 1 or 2 arguments but {} were given", other.len())))
        }
    };
    let bad_base = base.is_some_and(|b| b <= 0.0 || b == 1.0);
    if x <= 0.0 || bad_base {
        return Err(Thrown::value_error("math domain error: log of a non-positive number or base"));
    }
    Ok(Value::Float(match base {
        Some(b) => x.ln() / b.ln(),
        None => x.ln(),
    }))
}

fn log_with(args: &Args, name: &str, f: fn(f64) -> f64) -> RtResult<Value> {
    let [v] = one(args, name)?;
    let x = number(v, name)?;
    if x <= 0.0 {
        return Err(Thrown::value_error(format!("math domain error: {name} of a non-positive number")));
    }
    Ok(Value::Float(f(x)))
}

pub fn log2(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    log_with(&args, "log2", f64::log2)
}

pub fn log10(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    log_with(&args, "log10", f64::log10)
}

fn trig(args: &Args, name: &str, f: fn(f64) -> f64) -> RtResult<Value> {
    let [v] = one(args, name)?;
    let x = number(v, name)?;
    if x.is_infinite() {
        return Err(Thrown::value_error(format!("math domain error: {name} of an infinite number")));
    }
    Ok(Value::Float(f(x)))
}

pub fn sin(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    trig(&args, "sin", f64::sin)
}

pub fn cos(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    trig(&args, "cos", f64::cos)
}

pub fn tan(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    trig(&args, "tan", f64::tan)
}

fn test(args: &Args, name: &str, f: fn(f64) -> bool) -> RtResult<Value> {
    let [v] = one(args, name)?;
    Ok(Value::Bool(f(number(v, name)?)))
}

pub fn isnan(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    test(&args, "isnan", f64::is_nan)
}

pub fn isinf(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    test(&args, "isinf", f64::is_infinite)
}

pub fn isfinite(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    test(&args, "isfinite", f64::is_finite)
}
