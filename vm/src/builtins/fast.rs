//! The common cases of a few pure builtins (`len`, `abs`, `min`, `max`, `str`)
//! and of indexing (`xs[i]`, `d[k]`), worked out from the operands on
//! the value stack, for the hot loop
//! (interp/run.rs): no argument list is built and no frame is touched.
//! Each returns None for anything else (another type, a keyword-less call
//! with another arity, an overflow), and the call takes the general way,
//! which also reports the errors; so a fast case must give exactly what
//! the general one gives.

use crate::value::{HashKey, Value};
use std::sync::OnceLock;

/// A fast case: the result, or None to make the call the general way.
pub type FastNative = fn(&[Value]) -> Option<Value>;

/// The fast case of native function `i`, if it has one.
#[inline]
pub fn fast_native(i: u32) -> Option<FastNative> {
    static TABLE: OnceLock<Vec<Option<FastNative>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| super::NATIVES.iter().map(|n| fast_for(n.name)).collect());
    table.get(i as usize).copied().flatten()
}

fn fast_for(name: &str) -> Option<FastNative> {
    Some(match name {
        "len" => len,
        "abs" => abs,
        "min" => min,
        "max" => max,
        "str" => str_,
        _ => return None,
    })
}

fn len(args: &[Value]) -> Option<Value> {
    let n = match args {
        [Value::List(xs) | Value::Tuple(xs)] => xs.len(),
        [Value::Str(s)] if s.is_ascii() => s.len(),
        [Value::Dict(d)] => d.len(),
        _ => return None,
    };
    Some(Value::Int(n as i64))
}

fn abs(args: &[Value]) -> Option<Value> {
    match args {
        [Value::Int(i)] => i.checked_abs().map(Value::Int),
        [Value::Float(f)] => Some(Value::Float(f.abs())),
        _ => None,
    }
}

/// `str(v)` of an Int (its digits), a String (itself) or a Bool.
fn str_(args: &[Value]) -> Option<Value> {
    match args {
        [Value::Int(i)] => {
            let mut s = String::with_capacity(20);
            crate::format::push_int(&mut s, *i);
            Some(Value::str(s))
        }
        [v @ Value::Str(_)] => Some(v.clone()),
        [Value::Bool(b)] => Some(Value::str(if *b { "True" } else { "False" })),
        _ => None,
    }
}

/// `min(a, b)` of two Ints: the first when they are equal (as the general
/// `min`, which keeps the first of equal candidates).
fn min(args: &[Value]) -> Option<Value> {
    match args {
        [Value::Int(a), Value::Int(b)] => Some(Value::Int(if b < a { *b } else { *a })),
        _ => None,
    }
}

fn max(args: &[Value]) -> Option<Value> {
    match args {
        [Value::Int(a), Value::Int(b)] => Some(Value::Int(if b > a { *b } else { *a })),
        _ => None,
    }
}

/// `obj[idx]`: an item of a list or tuple at an Int index in range
/// (negative from the end), or the value of a key a dict holds.
#[inline]
pub fn index(obj: &Value, idx: &Value) -> Option<Value> {
    match (obj, idx) {
        (Value::List(xs) | Value::Tuple(xs), Value::Int(_)) => {
            xs.get(super::methods::normalize_index(idx, xs.len()).ok()?).cloned()
        }
        (Value::Dict(d), Value::Int(_) | Value::Str(_)) => d.get(&HashKey(idx.clone())).cloned(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::fast_native;
    use crate::builtins::native_index;
    use crate::value::Value;
    use std::sync::Arc;

    fn run(name: &str, args: &[Value]) -> Option<Value> {
        let i = native_index(name).expect("a builtin");
        fast_native(i).expect("has a fast case")(args)
    }

    fn int(v: Option<Value>) -> Option<i64> {
        match v {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn fast_cases_give_the_general_results_and_leave_the_rest() {
        let list = Value::List(Arc::new(vec![Value::Int(1), Value::Int(2)]));
        assert_eq!(int(run("len", &[list])), Some(2));
        assert_eq!(int(run("len", &[Value::str("abc")])), Some(3));
        assert!(run("len", &[Value::str("héllo")]).is_none(), "non-ASCII text counts characters the general way");
        assert!(run("len", &[Value::Int(3)]).is_none(), "a TypeError is the general path's to report");
        assert_eq!(int(run("abs", &[Value::Int(-4)])), Some(4));
        assert!(run("abs", &[Value::Int(i64::MIN)]).is_none(), "overflow is reported the general way");
        assert_eq!(int(run("min", &[Value::Int(3), Value::Int(-1)])), Some(-1));
        assert_eq!(int(run("max", &[Value::Int(3), Value::Int(-1)])), Some(3));
        assert!(run("min", &[Value::Int(3)]).is_none(), "one argument is an iterable: the general way");
        assert!(run("max", &[Value::Int(3), Value::Float(1.0)]).is_none());
        assert!(matches!(run("str", &[Value::Int(-12)]), Some(Value::Str(s)) if s.as_str() == "-12"));
        assert!(matches!(run("str", &[Value::Bool(true)]), Some(Value::Str(s)) if s.as_str() == "True"));
        assert!(run("str", &[Value::Float(1.5)]).is_none(), "Floats format the general way");
        assert!(run("str", &[]).is_none());
        assert!(fast_native(native_index("print").expect("a builtin")).is_none());
    }

    #[test]
    fn index_finds_items_and_keys_and_leaves_misses_to_the_general_path() {
        use super::index;
        use crate::value::HashKey;
        let xs = Value::List(Arc::new(vec![Value::Int(10), Value::Int(20)]));
        assert_eq!(int(index(&xs, &Value::Int(1))), Some(20));
        assert_eq!(int(index(&xs, &Value::Int(-2))), Some(10));
        assert!(index(&xs, &Value::Int(2)).is_none() && index(&xs, &Value::Int(-3)).is_none());
        assert!(index(&xs, &Value::Int(i64::MIN)).is_none());
        let mut d = crate::value::Dict::default();
        d.insert(HashKey(Value::str("a")), Value::Int(1));
        d.insert(HashKey(Value::Int(2)), Value::Int(4));
        let d = Value::Dict(Arc::new(d));
        assert_eq!(int(index(&d, &Value::str("a"))), Some(1));
        assert_eq!(int(index(&d, &Value::Int(2))), Some(4));
        assert!(index(&d, &Value::Int(3)).is_none(), "a KeyError is the general path's");
        assert!(index(&d, &Value::Float(2.0)).is_none(), "other key types: the general path");
    }
}
