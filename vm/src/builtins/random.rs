//! The `random` module: `int(a, b)`, `float()`, `choice(xs)`, `shuffle(xs)`,
//! `seed(n)`. Every draw comes from the program-wide generator in `rng.rs`,
//! so `--seed N` (or `random.seed(n)`) makes a run repeatable (with
//! `--workers 1`, since tasks on several workers draw in any order).
//!
//! `shuffle` cannot reorder the caller's list in place: a module function
//! receives its arguments by value (only method calls on a place write back).
//! It therefore *returns* the shuffled list — write `xs = random.shuffle(xs)`.

use super::Args;
use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::rng;
use crate::value::Value;

fn arity(args: &Args, name: &str, counts: &[usize], want: &str) -> RtResult<()> {
    if let Some((k, _)) = args.kw.first() {
        return Err(Thrown::type_error(format!("random.{name}() has no parameter named `{k}`")));
    }
    let n = args.pos.len();
    if !counts.contains(&n) {
        return Err(Thrown::type_error(format!("random.{name}() takes {want} but {n} were given")));
    }
    Ok(())
}

fn int_arg(v: &Value, what: &str) -> RtResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(Thrown::type_error(format!("{what} must be an Int, not {}", other.type_name()))),
    }
}

fn number(v: &Value, what: &str) -> RtResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        other => Err(Thrown::type_error(format!("{what} must be a number, not {}", other.type_name()))),
    }
}

/// Uniform in `0..n` (n > 0) without modulo bias: draws below `2^64 mod n`
/// are rejected so every residue is equally likely.
fn below(n: u64) -> u64 {
    let reject = n.wrapping_neg() % n;
    loop {
        let r = rng::next_u64();
        if r >= reject {
            return r % n;
        }
    }
}

/// `random.int(a, b)`: an Int in `a..=b`.
pub fn int(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    arity(&args, "int", &[2], "2 arguments")?;
    let a = int_arg(&args.pos[0], "random.int's a")?;
    let b = int_arg(&args.pos[1], "random.int's b")?;
    if a > b {
        return Err(Thrown::value_error(format!("random.int(a, b) needs a <= b, but a = {a} and b = {b}")));
    }
    let span = (b as i128 - a as i128 + 1) as u128;
    let offset = if span > u64::MAX as u128 { rng::next_u64() } else { below(span as u64) };
    Ok(Value::Int(a.wrapping_add(offset as i64)))
}

/// `random.float()` in `[0, 1)`; `random.float(a, b)` in `[a, b)`.
pub fn float(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    arity(&args, "float", &[0, 2], "0 or 2 arguments")?;
    let u = rng::unit();
    if args.pos.is_empty() {
        return Ok(Value::Float(u));
    }
    let a = number(&args.pos[0], "random.float's a")?;
    let b = number(&args.pos[1], "random.float's b")?;
    Ok(Value::Float(a + (b - a) * u))
}

/// `random.choice(xs)`: one element of a List, Tuple, String or Range.
pub fn choice(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    arity(&args, "choice", &[1], "1 argument")?;
    let n = match &args.pos[0] {
        Value::List(v) | Value::Tuple(v) => v.len() as u64,
        Value::Str(s) => s.chars().count() as u64,
        Value::Range(r) => r.len().max(0) as u64,
        Value::Unit => 0,
        other => {
            return Err(Thrown::type_error(format!(
                "random.choice() needs a List, Tuple, String or Range, not {}",
                other.type_name()
            )))
        }
    };
    if n == 0 {
        return Err(Thrown::new("IndexError", "random.choice() from an empty sequence"));
    }
    let i = below(n);
    Ok(match &args.pos[0] {
        Value::List(v) | Value::Tuple(v) => v[i as usize].clone(),
        Value::Str(s) => Value::str(s.chars().nth(i as usize).unwrap_or_default().to_string()),
        Value::Range(r) => Value::Int(r.start.wrapping_add((i as i64).wrapping_mul(r.step))),
        _ => Value::None,
    })
}

/// `random.shuffle(xs)`: a shuffled copy of the List (see the module note).
pub fn shuffle(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    arity(&args, "shuffle", &[1], "1 argument")?;
    let mut items = match &args.pos[0] {
        Value::List(v) => (**v).clone(),
        other => return Err(Thrown::type_error(format!("random.shuffle() needs a List, not {}", other.type_name()))),
    };
    // Fisher–Yates.
    for i in (1..items.len()).rev() {
        let j = below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    Ok(Value::list(items))
}

/// `random.seed(n)` restarts the generator; `random.seed(None)` reseeds
/// from the clock.
pub fn seed(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    arity(&args, "seed", &[1], "1 argument")?;
    match &args.pos[0] {
        Value::None => rng::seed(None),
        v => rng::seed(Some(int_arg(v, "random.seed's n")? as u64)),
    }
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::below;

    #[test]
    fn below_stays_in_range() {
        crate::rng::seed(Some(7));
        for n in [1u64, 2, 3, 10, u64::MAX] {
            for _ in 0..200 {
                assert!(below(n) < n);
            }
        }
    }
}
