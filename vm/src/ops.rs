//! Arithmetic, comparison and equality with Python's semantics (LANGUAGE.md
//! §2): `/` gives a Float, `//` floors, `%` takes the divisor's sign, Int
//! overflow raises `OverflowError`, structural `==`.

use crate::error::{RtResult, Thrown};
use crate::value::Value;
use parser::ast::BinOp;
use std::cmp::Ordering;
use std::sync::Arc;

fn overflow() -> Thrown {
    Thrown::new("OverflowError", "integer overflow")
}

fn zero_div(what: &str) -> Thrown {
    Thrown::new("ZeroDivisionError", what.to_string())
}

fn unsupported(op: &str, a: &Value, b: &Value) -> Thrown {
    Thrown::type_error(format!("unsupported operand types for {op}: {} and {}", a.type_name(), b.type_name()))
}

pub fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
    }
}

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

pub fn floor_div_int(a: i64, b: i64) -> RtResult<i64> {
    if b == 0 {
        return Err(zero_div("integer division by zero"));
    }
    let q = a.checked_div(b).ok_or_else(overflow)?;
    Ok(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
}

pub fn mod_int(a: i64, b: i64) -> RtResult<i64> {
    if b == 0 {
        return Err(zero_div("integer modulo by zero"));
    }
    let r = a.checked_rem(b).unwrap_or(0);
    Ok(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}

fn mod_float(a: f64, b: f64) -> RtResult<f64> {
    if b == 0.0 {
        return Err(zero_div("float modulo by zero"));
    }
    let r = a % b;
    Ok(if r != 0.0 && ((r < 0.0) != (b < 0.0)) { r + b } else { r })
}

fn pow_int(a: i64, b: i64) -> RtResult<Value> {
    if b < 0 {
        return pow_float(a as f64, b as f64);
    }
    let exp = u32::try_from(b).map_err(|_| overflow())?;
    a.checked_pow(exp).map(Value::Int).ok_or_else(overflow)
}

/// `x ** y` on floats: zero to a negative power is a ZeroDivisionError (as
/// in Python), not an infinity.
fn pow_float(x: f64, y: f64) -> RtResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_div("0.0 cannot be raised to a negative power"));
    }
    Ok(Value::Float(x.powf(y)))
}

/// `a op b` for the arithmetic and bitwise operators.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> RtResult<Value> {
    // Int fast paths first: they are the hot ones.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        return match op {
            BinOp::Add => x.checked_add(y).map(Value::Int).ok_or_else(overflow),
            BinOp::Sub => x.checked_sub(y).map(Value::Int).ok_or_else(overflow),
            BinOp::Mul => x.checked_mul(y).map(Value::Int).ok_or_else(overflow),
            BinOp::Div => {
                if y == 0 {
                    Err(zero_div("division by zero"))
                } else {
                    Ok(Value::Float(x as f64 / y as f64))
                }
            }
            BinOp::FloorDiv => floor_div_int(x, y).map(Value::Int),
            BinOp::Mod => mod_int(x, y).map(Value::Int),
            BinOp::Pow => pow_int(x, y),
            BinOp::BitAnd => Ok(Value::Int(x & y)),
            BinOp::BitOr => Ok(Value::Int(x | y)),
            BinOp::BitXor => Ok(Value::Int(x ^ y)),
            BinOp::Shl => {
                if !(0..64).contains(&y) {
                    return Err(if y < 0 { Thrown::value_error("negative shift count") } else { overflow() });
                }
                let r = x << y;
                if (r >> y) != x {
                    Err(overflow())
                } else {
                    Ok(Value::Int(r))
                }
            }
            BinOp::Shr => {
                if y < 0 {
                    Err(Thrown::value_error("negative shift count"))
                } else {
                    Ok(Value::Int(x >> y.min(63)))
                }
            }
        };
    }
    if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            return match op {
                BinOp::Add => Ok(Value::Float(x + y)),
                BinOp::Sub => Ok(Value::Float(x - y)),
                BinOp::Mul => Ok(Value::Float(x * y)),
                BinOp::Div => {
                    if y == 0.0 {
                        Err(zero_div("float division by zero"))
                    } else {
                        Ok(Value::Float(x / y))
                    }
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        Err(zero_div("float floor division by zero"))
                    } else {
                        Ok(Value::Float((x / y).floor()))
                    }
                }
                BinOp::Mod => mod_float(x, y).map(Value::Float),
                BinOp::Pow => pow_float(x, y),
                _ => Err(unsupported(binop_symbol(op), a, b)),
            };
        }
    }
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            crate::memory::reserve(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::str(s))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            crate::memory::reserve((x.len() + y.len()) * std::mem::size_of::<Value>())?;
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend(x.iter().cloned());
            v.extend(y.iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            crate::memory::reserve((x.len() + y.len()) * std::mem::size_of::<Value>())?;
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend(x.iter().cloned());
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (BinOp::Mul, Value::Str(s), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::Str(s)) => {
            let n = usize::try_from(*n).unwrap_or(0);
            check_repeat_size(s.len(), n, 1)?;
            Ok(Value::str(s.repeat(n)))
        }
        (BinOp::Mul, Value::List(xs), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::List(xs)) => {
            let n = usize::try_from(*n).unwrap_or(0);
            check_repeat_size(xs.len(), n, std::mem::size_of::<Value>())?;
            let mut v = Vec::with_capacity(xs.len() * n);
            for _ in 0..n {
                v.extend(xs.iter().cloned());
            }
            Ok(Value::list(v))
        }
        (BinOp::Mul, Value::Tuple(xs), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::Tuple(xs)) => {
            let n = usize::try_from(*n).unwrap_or(0);
            check_repeat_size(xs.len(), n, std::mem::size_of::<Value>())?;
            let mut v = Vec::with_capacity(xs.len() * n);
            for _ in 0..n {
                v.extend(xs.iter().cloned());
            }
            Ok(Value::tuple(v))
        }
        (BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor, Value::Bool(x), Value::Bool(y)) => Ok(Value::Bool(match op {
            BinOp::BitAnd => *x & *y,
            BinOp::BitOr => *x | *y,
            _ => *x ^ *y,
        })),
        _ => Err(unsupported(binop_symbol(op), a, b)),
    }
}

/// A repetition of `len` items (bytes or 16-byte values) `n` times: too
/// long to index is an OverflowError; more than the memory limit allows, a
/// MemoryError.
fn check_repeat_size(len: usize, n: usize, item_size: usize) -> RtResult<()> {
    match len.checked_mul(n) {
        Some(total) if total <= (1 << 32) => crate::memory::reserve(total.saturating_mul(item_size)),
        _ => Err(Thrown::new("OverflowError", "repeated sequence is too large")),
    }
}

pub fn negate(v: &Value) -> RtResult<Value> {
    match v {
        Value::Int(i) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
        Value::Float(f) => Ok(Value::Float(-f)),
        _ => Err(Thrown::type_error(format!("bad operand type for unary -: {}", v.type_name()))),
    }
}

/// Structural equality. `1 == 1.0` is true; values of unrelated types are unequal.
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => (*x as f64) == *y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::None, Value::None) | (Value::Unit, Value::Unit) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            Arc::ptr_eq(x, y) || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| values_equal(p, q)))
        }
        (Value::Tuple(x), Value::Unit) | (Value::Unit, Value::Tuple(x)) => x.is_empty(),
        (Value::Dict(x), Value::Dict(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| values_equal(v, w)))
        }
        (Value::Ok(x), Value::Ok(y)) | (Value::Err(x), Value::Err(y)) => values_equal(x, y),
        (x, y) if x.is_some() && y.is_some() => match (x.some_inner(), y.some_inner()) {
            (Some(p), Some(q)) => values_equal(&p, &q),
            _ => false,
        },
        (Value::Error(x), Value::Error(y)) => x == y,
        (Value::Struct(x), Value::Struct(y)) => {
            Arc::ptr_eq(&x.ty, &y.ty) && x.fields.iter().zip(y.fields.iter()).all(|(p, q)| values_equal(p, q))
        }
        (Value::Func(x), Value::Func(y)) => Arc::ptr_eq(x, y),
        (Value::Native(x), Value::Native(y)) => x == y,
        (Value::Type(x), Value::Type(y)) => Arc::ptr_eq(x, y) || x.name() == y.name(),
        (Value::Range(x), Value::Range(y)) => x == y,
        (Value::Task(x), Value::Task(y)) => Arc::ptr_eq(x, y),
        (Value::Channel(x), Value::Channel(y)) => Arc::ptr_eq(x, y),
        (Value::Handle(x), Value::Handle(y)) => Arc::ptr_eq(x, y),
        (Value::Module(x), Value::Module(y)) => Arc::ptr_eq(x, y),
        (Value::Coroutine(x), Value::Coroutine(y)) => Arc::ptr_eq(x, y),
        (Value::Future(x), Value::Future(y)) => Arc::ptr_eq(x, y),
        _ => false,
    }
}

/// Ordering for `<`, `sorted`, `min`, `max`. `None` means "not comparable".
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Int(x), Value::Float(y)) => (*x as f64).partial_cmp(y),
        (Value::Float(x), Value::Int(y)) => x.partial_cmp(&(*y as f64)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
        (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                match compare(p, q)? {
                    Ordering::Equal => continue,
                    other => return Some(other),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        (Value::Unit, Value::Unit) => Some(Ordering::Equal),
        (Value::Ok(x), Value::Ok(y)) | (Value::Err(x), Value::Err(y)) => compare(x, y),
        (x, y) if x.is_some() && y.is_some() => compare(&x.some_inner()?, &y.some_inner()?),
        _ => None,
    }
}

pub fn compare_or_error(a: &Value, b: &Value, op: &str) -> RtResult<Ordering> {
    compare(a, b).ok_or_else(|| {
        Thrown::type_error(format!("'{op}' is not supported between {} and {}", a.type_name(), b.type_name()))
    })
}
