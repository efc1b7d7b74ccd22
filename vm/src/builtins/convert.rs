//! Conversions: str, repr, int, float, bool, list, tuple, dict (also what
//! calling the types `Int(x)`, `String(x)`, … does).

use super::core::one;
use super::Args;
use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::value::Value;
use std::sync::Arc;

pub fn str_(vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.as_slice() {
        [] => Ok(Value::str("")),
        [v] => Ok(Value::str(vm.to_str(v)?)),
        other => Err(Thrown::type_error(format!("str() takes 1 argument but {} were given", other.len()))),
    }
}

pub fn repr(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "repr")?;
    Ok(Value::str(vm.to_repr(v)?))
}

pub fn int(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "int")?;
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(Thrown::value_error("cannot convert nan to Int"));
            }
            if f.is_infinite() {
                return Err(Thrown::new(
                    "OverflowError",
                    format!("cannot convert {} to Int", crate::format::float_repr(*f)),
                ));
            }
            let t = f.trunc();
            if t < -9.223372036854775808e18 || t >= 9.223372036854775808e18 {
                return Err(Thrown::new("OverflowError", "Float too large to convert to Int"));
            }
            Ok(Value::Int(t as i64))
        }
        Value::Str(s) => {
            let t = s.trim().replace('_', "");
            t.parse::<i64>()
                .map(Value::Int)
                .map_err(|_| Thrown::value_error(format!("invalid literal for Int: {}", crate::format::string_repr(s))))
        }
        other => Err(Thrown::type_error(format!("cannot convert {} to Int", other.type_name()))),
    }
}

pub fn float(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "float")?;
    match v {
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Float(f) => Ok(Value::Float(*f)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Str(s) => {
            let t = s.trim().to_lowercase();
            let parsed = match t.as_str() {
                "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" => Some(f64::NAN),
                _ => t.parse::<f64>().ok(),
            };
            parsed.map(Value::Float).ok_or_else(|| {
                Thrown::value_error(format!("invalid literal for Float: {}", crate::format::string_repr(s)))
            })
        }
        other => Err(Thrown::type_error(format!("cannot convert {} to Float", other.type_name()))),
    }
}

pub fn bool_(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "bool")?;
    Ok(Value::Bool(match v {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::List(xs) | Value::Tuple(xs) => !xs.is_empty(),
        Value::Dict(d) => !d.is_empty(),
        Value::None | Value::Unit => false,
        _ => true,
    }))
}

pub fn list(vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.as_slice() {
        [] => Ok(Value::list(Vec::new())),
        [v] => Ok(Value::list(vm.collect_iterable(v)?)),
        other => Err(Thrown::type_error(format!("list() takes 1 argument but {} were given", other.len()))),
    }
}

pub fn tuple(vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.as_slice() {
        [] => Ok(Value::tuple(Vec::new())),
        [v] => Ok(Value::tuple(vm.collect_iterable(v)?)),
        other => Err(Thrown::type_error(format!("tuple() takes 1 argument but {} were given", other.len()))),
    }
}

pub fn dict(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let mut d = crate::value::Dict::default();
    if let Some(v) = args.pos.first() {
        if let Value::Dict(src) = v {
            d = (**src).clone();
        } else {
            for pair in vm.collect_iterable(v)? {
                let mut kv = vm.unpack(pair, 2)?;
                let val = kv.pop().unwrap_or_default();
                let key = kv.pop().unwrap_or_default();
                d.insert(crate::interp::hash_key(key)?, val);
            }
        }
    }
    for (k, v) in args.kw {
        d.insert(crate::value::HashKey(Value::str(k.to_string())), v);
    }
    Ok(Value::Dict(Arc::new(d)))
}
