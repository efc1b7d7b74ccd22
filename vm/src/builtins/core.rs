//! Core builtin functions: print, len, range, min/max/sum, sorted,
//! reversed, enumerate, zip, type, isinstance, panic, input, Some/Ok/Err.

use super::Args;
use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::value::{RangeObj, Value};
use std::io::Write;
use std::sync::Arc;

pub fn print(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let sep = match args.kw("sep") {
        Some(Value::Str(s)) => (**s).clone(),
        Some(Value::None) | None => " ".to_string(),
        Some(other) => {
            return Err(Thrown::type_error(format!("print's sep must be a String, not {}", other.type_name())))
        }
    };
    let end = match args.kw("end") {
        Some(Value::Str(s)) => (**s).clone(),
        Some(Value::None) | None => "\n".to_string(),
        Some(other) => {
            return Err(Thrown::type_error(format!("print's end must be a String, not {}", other.type_name())))
        }
    };
    for (k, _) in &args.kw {
        if &**k != "sep" && &**k != "end" && &**k != "flush" {
            return Err(Thrown::type_error(format!("print has no parameter named `{k}`")));
        }
    }
    let mut line = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&vm.to_str(v)?);
    }
    line.push_str(&end);
    let mut out = std::io::stdout().lock();
    // A closed stdout (e.g. `| head`) is not an error worth a traceback.
    let _ = out.write_all(line.as_bytes());
    Ok(Value::None)
}

pub fn len(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "len")?;
    if let Value::Struct(s) = v {
        if let Some(m) = s.ty.method("__len__") {
            return match vm.call_value(m, vec![v.clone()])? {
                Value::Int(n) => Ok(Value::Int(n)),
                other => Err(Thrown::type_error(format!("__len__ must return an Int, not {}", other.type_name()))),
            };
        }
    }
    super::methods::length(v).map(Value::Int)
}

/// Exactly one positional argument.
pub(crate) fn one<'a>(args: &'a Args, name: &str) -> RtResult<[&'a Value; 1]> {
    match args.pos.as_slice() {
        [v] => Ok([v]),
        other => Err(Thrown::type_error(format!("{name}() takes 1 argument but {} were given", other.len()))),
    }
}

fn int_arg(v: &Value, what: &str) -> RtResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(Thrown::type_error(format!("{what} must be an Int, not {}", other.type_name()))),
    }
}

pub fn range(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let (start, stop, step) = match args.pos.as_slice() {
        [stop] => (0, int_arg(stop, "range's stop")?, 1),
        [start, stop] => (int_arg(start, "range's start")?, int_arg(stop, "range's stop")?, 1),
        [start, stop, step] => {
            (int_arg(start, "range's start")?, int_arg(stop, "range's stop")?, int_arg(step, "range's step")?)
        }
        other => {
            return Err(Thrown::type_error(format!("range() takes 1 to 3 arguments but {} were given", other.len())))
        }
    };
    if step == 0 {
        return Err(Thrown::value_error("range() step must not be zero"));
    }
    Ok(Value::Range(Arc::new(RangeObj { start, stop, step })))
}

pub fn abs(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "abs")?;
    match v {
        Value::Int(i) => {
            i.checked_abs().map(Value::Int).ok_or_else(|| Thrown::new("OverflowError", "integer overflow"))
        }
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => Err(Thrown::type_error(format!("abs() needs a number, not {}", other.type_name()))),
    }
}

/// The values `min`/`max`/`sum` range over: one iterable, or several arguments.
fn candidates(vm: &mut Vm, args: &Args, name: &str) -> RtResult<Vec<Value>> {
    match args.pos.as_slice() {
        [] => Err(Thrown::type_error(format!("{name}() needs at least one argument"))),
        [one] => vm.collect_iterable(one),
        many => Ok(many.to_vec()),
    }
}

fn extreme(vm: &mut Vm, args: Args, name: &str, want: std::cmp::Ordering) -> RtResult<Value> {
    let key = args.kw("key").cloned();
    let items = candidates(vm, &args, name)?;
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => vm.call_value(f.clone(), vec![x.clone()])?,
            None => x.clone(),
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                if vm.order(&k, &bk, name)? == want {
                    Some((k, x))
                } else {
                    Some((bk, bx))
                }
            }
        };
    }
    match best {
        Some((_, x)) => Ok(x),
        None => match args.kw("default") {
            Some(d) => Ok(d.clone()),
            None => Err(Thrown::value_error(format!("{name}() of an empty sequence"))),
        },
    }
}

pub fn min(vm: &mut Vm, args: Args) -> RtResult<Value> {
    extreme(vm, args, "min", std::cmp::Ordering::Less)
}

pub fn max(vm: &mut Vm, args: Args) -> RtResult<Value> {
    extreme(vm, args, "max", std::cmp::Ordering::Greater)
}

pub fn sum(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let items = match args.pos.as_slice() {
        [xs] | [xs, _] => vm.collect_iterable(xs)?,
        other => {
            return Err(Thrown::type_error(format!("sum() takes 1 or 2 arguments but {} were given", other.len())))
        }
    };
    let mut total = args.pos.get(1).or_else(|| args.kw("start")).cloned().unwrap_or(Value::Int(0));
    for x in items {
        total = crate::ops::binary(parser::ast::BinOp::Add, &total, &x)?;
    }
    Ok(total)
}

pub fn sorted(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "sorted")?;
    let mut items = vm.collect_iterable(v)?;
    sort_values(vm, &mut items, args.kw("key").cloned(), args.kw("reverse"))?;
    Ok(Value::list(items))
}

/// Stable sort with an optional key function; errors from comparisons or the
/// key are reported after the sort stops.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: Option<&Value>) -> RtResult<()> {
    let reverse = match reverse {
        None | Some(Value::None) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => return Err(Thrown::type_error(format!("reverse must be a Bool, not {}", other.type_name()))),
    };
    let keys: Vec<Value> = match &key {
        Some(f) => items.iter().map(|x| vm.call_value(f.clone(), vec![x.clone()])).collect::<RtResult<_>>()?,
        None => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut failure = None;
    order.sort_by(|&a, &b| {
        if failure.is_some() {
            return std::cmp::Ordering::Equal;
        }
        match vm.order(&keys[a], &keys[b], "<") {
            Ok(o) => {
                if reverse {
                    o.reverse()
                } else {
                    o
                }
            }
            Err(e) => {
                failure = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let old = std::mem::take(items);
    let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    *items = order.into_iter().filter_map(|i| slots[i].take()).collect();
    Ok(())
}

pub fn reversed(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "reversed")?;
    let mut items = vm.collect_iterable(v)?;
    items.reverse();
    Ok(Value::list(items))
}

pub fn enumerate(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let v = args.pos.first().ok_or_else(|| Thrown::type_error("enumerate() needs an iterable"))?;
    let start = match args.pos.get(1).or_else(|| args.kw("start")) {
        Some(s) => int_arg(s, "enumerate's start")?,
        None => 0,
    };
    let items = vm.collect_iterable(v)?;
    Ok(Value::list(
        items.into_iter().enumerate().map(|(i, x)| Value::tuple(vec![Value::Int(start + i as i64), x])).collect(),
    ))
}

pub fn zip(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let mut lists = Vec::new();
    for a in &args.pos {
        lists.push(vm.collect_iterable(a)?);
    }
    let n = lists.iter().map(|l| l.len()).min().unwrap_or(0);
    Ok(Value::list((0..n).map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect())).collect()))
}

pub fn type_of(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "type")?;
    Ok(Value::str(v.type_name()))
}

pub fn isinstance(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.as_slice() {
        [v, Value::Tuple(types)] => {
            for t in types.iter() {
                if crate::interp::is_instance(v, t)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        [v, t] => crate::interp::is_instance(v, t).map(Value::Bool),
        other => Err(Thrown::type_error(format!("isinstance() takes 2 arguments but {} were given", other.len()))),
    }
}

pub fn panic(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let msg = match args.pos.first() {
        Some(v) => vm.to_str(v)?,
        None => "explicit panic".to_string(),
    };
    Err(Thrown::Panic(msg))
}

pub fn input(vm: &mut Vm, args: Args) -> RtResult<Value> {
    if let Some(prompt) = args.pos.first() {
        let p = vm.to_str(prompt)?;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(p.as_bytes());
        let _ = out.flush();
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(Thrown::new("IOError", "end of input")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::str(line))
        }
        Err(e) => Err(Thrown::new("IOError", format!("cannot read input: {e}"))),
    }
}

pub fn some(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "Some")?;
    Ok(Value::some(v.clone()))
}

pub fn ok(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.as_slice() {
        [] => Ok(Value::ok(Value::Unit)),
        [v] => Ok(Value::ok(v.clone())),
        other => Err(Thrown::type_error(format!("Ok() takes 1 argument but {} were given", other.len()))),
    }
}

pub fn err(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [v] = one(&args, "Err")?;
    Ok(Value::err(v.clone()))
}

/// `expr?` at the top level, where there is no function to return from:
/// `Ok(v)`/`Some(v)` give `v`; `Err(e)` raises `e` and `None` a ValueError,
/// so the program ends as if the error escaped `main`.
pub fn top_level_try(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.into_iter().next() {
        Some(Value::Ok(v)) => Ok(Arc::unwrap_or_clone(v)),
        Some(v) if v.is_some() => Ok(v.into_some_inner().unwrap_or(Value::None)),
        Some(Value::Err(e)) => Err(match &*e {
            Value::Error(_) => Thrown::Error((*e).clone()),
            other => Thrown::new("Error", format!("`?` at the top level got Err({})", crate::format::to_repr(other))),
        }),
        Some(Value::None) => Err(Thrown::value_error("`?` at the top level got None")),
        Some(other) => Err(Thrown::type_error(format!("`?` needs an Optional or a Result, got {}", other.type_name()))),
        None => Ok(Value::None),
    }
}

/// What `main` returned: an `Err(e)` (typically from `?`) ends the program
/// as an error, like an exception escaping `main`.
pub fn main_result(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    match args.pos.into_iter().next() {
        Some(Value::Err(e)) => Err(match &*e {
            Value::Error(_) => Thrown::Error((*e).clone()),
            other => Thrown::new("Error", format!("main returned Err({})", crate::format::to_repr(other))),
        }),
        _ => Ok(Value::None),
    }
}
