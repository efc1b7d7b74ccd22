//! Methods of the builtin value types (String, List, Dict, Tuple, Optional,
//! Result, Range), plus indexing, slicing, `in` and `len`. Mutating methods
//! receive the receiver by `&mut` after the VM made it unique.

use super::Args;
use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::value::{Dict, Value};
use std::sync::Arc;

const STR_METHODS: &[&str] = &[
    "split",
    "strip",
    "lstrip",
    "rstrip",
    "join",
    "replace",
    "startswith",
    "endswith",
    "find",
    "upper",
    "lower",
    "format",
    "count",
    "len",
    "isdigit",
    "isalpha",
    "isspace",
    "splitlines",
    "index",
];
const LIST_METHODS: &[&str] =
    &["append", "pop", "insert", "extend", "index", "remove", "sort", "reverse", "clear", "count", "copy", "len"];
const DICT_METHODS: &[&str] =
    &["get", "keys", "values", "items", "pop", "setdefault", "update", "clear", "copy", "len"];
const TUPLE_METHODS: &[&str] = &["index", "count", "len"];
const OPTION_METHODS: &[&str] =
    &["is_ok", "is_err", "is_some", "is_none", "unwrap", "unwrap_or", "expect", "map", "ok", "err"];

pub fn has_method(v: &Value, name: &str) -> bool {
    let table: &[&str] = match v {
        Value::Str(_) => STR_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Tuple(_) | Value::Range(_) => TUPLE_METHODS,
        v if v.is_option_or_result() => OPTION_METHODS,
        Value::Task(_) => &["cancel", "is_done", "name", "catch", "await"],
        Value::Channel(_) => crate::chan::METHODS,
        Value::Future(_) => &["__anext__"],
        Value::Handle(h) => crate::handles::method_names(h),
        _ => &[],
    };
    table.contains(&name)
}

/// Whether calling `name` on `v` changes `v` (so the VM writes it back).
pub fn is_mutating(v: &Value, name: &str) -> bool {
    match v {
        Value::List(_) => {
            matches!(name, "append" | "pop" | "insert" | "extend" | "remove" | "sort" | "reverse" | "clear")
        }
        Value::Dict(_) => matches!(name, "pop" | "setdefault" | "update" | "clear"),
        _ => false,
    }
}

fn no_method(v: &Value, name: &str) -> Thrown {
    Thrown::new("AttributeError", format!("{} has no method `{name}`", v.type_name()))
}

fn arity(args: &Args, name: &str, min: usize, max: usize) -> RtResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let want = if min == max { format!("{min}") } else { format!("{min} to {max}") };
        return Err(Thrown::type_error(format!(
            "{name}() takes {want} argument{} but {n} were given",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn str_arg<'a>(v: &'a Value, what: &str) -> RtResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(Thrown::type_error(format!("{what} must be a String, not {}", other.type_name()))),
    }
}

pub fn call(vm: &mut Vm, recv: &mut Value, name: &str, args: Args) -> RtResult<Value> {
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| !takes_keyword(recv, name, k)) {
        return Err(crate::error::Thrown::type_error(format!(
            "{}.{name}() got an unexpected keyword argument `{k}`",
            recv.type_name()
        )));
    }
    if name == "len" {
        arity(&args, "len", 0, 0)?;
        return length(recv).map(Value::Int);
    }
    match recv {
        Value::Str(s) => {
            let s = s.clone();
            string_method(vm, &s, name, args)
        }
        Value::List(_) => list_method(vm, recv, name, args),
        Value::Dict(_) => dict_method(vm, recv, name, args),
        Value::Tuple(xs) => {
            let xs = xs.clone();
            seq_query(&xs, name, &args).ok_or_else(|| no_method(recv, name))?
        }
        _ if recv.is_option_or_result() => option_method(vm, recv, name, args),
        Value::Task(t) => super::tasks::task_method(t, name, &args).unwrap_or_else(|| Err(no_method(recv, name))),
        Value::Future(f) if name == "__anext__" => {
            Ok(crate::futures::value(crate::futures::NextItem { source: f.clone() }))
        }
        Value::Channel(ch) => crate::chan::method(ch, name, &args.pos).unwrap_or_else(|| Err(no_method(recv, name))),
        Value::Handle(h) => {
            let h = h.clone();
            let task_name = match args.kw("name") {
                Some(Value::Str(n)) => Some(Arc::<str>::from(&***n)),
                Some(other) => {
                    return Err(crate::error::Thrown::type_error(format!(
                        "a task's name must be a String, not {}",
                        other.type_name()
                    )))
                }
                None => None,
            };
            crate::handles::method(vm, &h, name, &args.pos, task_name).unwrap_or_else(|| Err(no_method(recv, name)))
        }
        Value::Type(t) => match (&**t, name) {
            (crate::types::TypeInfo::HandleKind(kind), "new") => crate::handles::construct(vm, kind, &args.pos),
            (crate::types::TypeInfo::Channel(elem), "new" | "with_capacity") => {
                let cap = match (name, args.pos.first()) {
                    ("new", None) => Value::Int(0),
                    (_, Some(c)) => c.clone(),
                    _ => return Err(Thrown::type_error("with_capacity() needs the capacity")),
                };
                let cap = crate::interp::channel_capacity(&cap)?;
                Ok(Value::Channel(crate::chan::ChannelObj::new(cap, elem.clone())))
            }
            _ => Err(no_method(recv, name)),
        },
        _ => Err(no_method(recv, name)),
    }
}

/// `index` and `count` shared by lists and tuples.
fn seq_query(xs: &[Value], name: &str, args: &Args) -> Option<RtResult<Value>> {
    match name {
        "index" => Some(arity(args, "index", 1, 1).and_then(|_| {
            xs.iter().position(|x| crate::ops::values_equal(x, &args.pos[0])).map(|i| Value::Int(i as i64)).ok_or_else(
                || Thrown::value_error(format!("{} is not in the list", crate::format::to_repr(&args.pos[0]))),
            )
        })),
        "count" => Some(
            arity(args, "count", 1, 1)
                .map(|_| Value::Int(xs.iter().filter(|x| crate::ops::values_equal(x, &args.pos[0])).count() as i64)),
        ),
        _ => None,
    }
}

fn string_method(vm: &mut Vm, s: &str, name: &str, args: Args) -> RtResult<Value> {
    let a = &args.pos;
    Ok(match name {
        "upper" => Value::str(s.to_uppercase()),
        "lower" => Value::str(s.to_lowercase()),
        "strip" | "lstrip" | "rstrip" => {
            arity(&args, name, 0, 1)?;
            let chars: Option<Vec<char>> = match a.first() {
                Some(v) => Some(str_arg(v, "the characters to strip")?.chars().collect()),
                None => None,
            };
            let pred = |c: char| match &chars {
                Some(cs) => cs.contains(&c),
                None => c.is_whitespace(),
            };
            Value::str(match name {
                "strip" => s.trim_matches(pred),
                "lstrip" => s.trim_start_matches(pred),
                _ => s.trim_end_matches(pred),
            })
        }
        "split" => {
            arity(&args, "split", 0, 1)?;
            let parts: Vec<Value> = match a.first() {
                None | Some(Value::None) => s.split_whitespace().map(Value::str).collect(),
                Some(sep) => {
                    let sep = str_arg(sep, "the separator")?;
                    if sep.is_empty() {
                        return Err(Thrown::value_error("empty separator"));
                    }
                    s.split(sep).map(Value::str).collect()
                }
            };
            Value::list(parts)
        }
        "splitlines" => Value::list(s.lines().map(Value::str).collect()),
        "join" => {
            arity(&args, "join", 1, 1)?;
            let items = vm.collect_iterable(&a[0])?;
            let mut out = String::new();
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                out.push_str(str_arg(x, "each joined item")?);
            }
            Value::str(out)
        }
        "replace" => {
            arity(&args, "replace", 2, 2)?;
            Value::str(s.replace(str_arg(&a[0], "the old text")?, str_arg(&a[1], "the new text")?))
        }
        "startswith" => {
            arity(&args, "startswith", 1, 1)?;
            Value::Bool(s.starts_with(str_arg(&a[0], "the prefix")?))
        }
        "endswith" => {
            arity(&args, "endswith", 1, 1)?;
            Value::Bool(s.ends_with(str_arg(&a[0], "the suffix")?))
        }
        "find" | "index" => {
            arity(&args, name, 1, 1)?;
            let needle = str_arg(&a[0], "the text to find")?;
            match s.find(needle) {
                Some(byte) => Value::Int(s[..byte].chars().count() as i64),
                None if name == "find" => Value::Int(-1),
                None => return Err(Thrown::value_error("substring not found")),
            }
        }
        "count" => {
            arity(&args, "count", 1, 1)?;
            let needle = str_arg(&a[0], "the text to count")?;
            if needle.is_empty() {
                Value::Int(s.chars().count() as i64 + 1)
            } else {
                Value::Int(s.matches(needle).count() as i64)
            }
        }
        "isdigit" => Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())),
        "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
        "isspace" => Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
        "format" => Value::str(format_braces(vm, s, a)?),
        _ => return Err(no_method(&Value::str(s), name)),
    })
}

/// The keyword arguments methods of builtin values take: `xs.sort(key=,
/// reverse=)` and `tg.spawn(coro, name=)` / `executor.spawn(coro, name=)`.
/// Any other keyword is a TypeError, not ignored.
fn takes_keyword(recv: &Value, method: &str, keyword: &str) -> bool {
    match (recv, method) {
        (Value::List(_), "sort") => matches!(keyword, "key" | "reverse"),
        (Value::Handle(h), "spawn") => {
            keyword == "name"
                && matches!(&**h, crate::handles::Handle::TaskGroup(_) | crate::handles::Handle::Executor(_))
        }
        _ => false,
    }
}

/// `"{} + {} = {}".format(1, 2, 3)`: positional `{}` and `{0}` fields.
fn format_braces(vm: &mut Vm, s: &str, args: &[Value]) -> RtResult<String> {
    let mut out = String::new();
    let mut next = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    field.push(d);
                }
                let (index, spec) = field.split_once(':').unwrap_or((&field, ""));
                let i = if index.is_empty() {
                    next += 1;
                    next - 1
                } else {
                    index.parse::<usize>().map_err(|_| Thrown::value_error(format!("bad format field {{{field}}}")))?
                };
                let v = args.get(i).ok_or_else(|| {
                    Thrown::new("IndexError", format!("format needs argument {i} but got {}", args.len()))
                })?;
                let plain = vm.to_str(v)?;
                out.push_str(&crate::format::apply_spec(v, &plain, spec)?);
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

fn list_method(vm: &mut Vm, recv: &mut Value, name: &str, args: Args) -> RtResult<Value> {
    let Value::List(arc) = recv else {
        return Err(no_method(recv, name));
    };
    let a = &args.pos;
    if let Some(r) = seq_query(arc, name, &args) {
        return r;
    }
    match name {
        "copy" => return Ok(Value::List(arc.clone())),
        "sort" => {
            let mut items = std::mem::take(Arc::make_mut(arc));
            let r = super::core::sort_values(vm, &mut items, args.kw("key").cloned(), args.kw("reverse"));
            if let Value::List(arc) = recv {
                *Arc::make_mut(arc) = items;
            }
            return r.map(|_| Value::None);
        }
        "extend" => {
            arity(&args, "extend", 1, 1)?;
            let items = vm.collect_iterable(&a[0])?;
            if let Value::List(arc) = recv {
                // Growing may reallocate to twice the new length.
                crate::memory::reserve((arc.len() + items.len()) * 2 * std::mem::size_of::<Value>())?;
                Arc::make_mut(arc).extend(items);
            }
            return Ok(Value::None);
        }
        _ => {}
    }
    let xs = Arc::make_mut(arc);
    Ok(match name {
        "append" => {
            arity(&args, "append", 1, 1)?;
            xs.push(a[0].clone());
            Value::None
        }
        "pop" => {
            arity(&args, "pop", 0, 1)?;
            if xs.is_empty() {
                return Err(Thrown::new("IndexError", "pop from an empty list"));
            }
            let i = match a.first() {
                Some(i) => normalize_index(i, xs.len())?,
                None => xs.len() - 1,
            };
            xs.remove(i)
        }
        "insert" => {
            arity(&args, "insert", 2, 2)?;
            let Value::Int(i) = a[0] else {
                return Err(Thrown::type_error("insert's index must be an Int"));
            };
            let len = xs.len() as i64;
            let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
            xs.insert(at, a[1].clone());
            Value::None
        }
        "remove" => {
            arity(&args, "remove", 1, 1)?;
            match xs.iter().position(|x| crate::ops::values_equal(x, &a[0])) {
                Some(i) => {
                    xs.remove(i);
                    Value::None
                }
                None => {
                    return Err(Thrown::value_error(format!("{} is not in the list", crate::format::to_repr(&a[0]))))
                }
            }
        }
        "reverse" => {
            xs.reverse();
            Value::None
        }
        "clear" => {
            xs.clear();
            Value::None
        }
        _ => return Err(Thrown::new("AttributeError", format!("List has no method `{name}`"))),
    })
}

fn dict_method(vm: &mut Vm, recv: &mut Value, name: &str, args: Args) -> RtResult<Value> {
    let Value::Dict(arc) = recv else {
        return Err(no_method(recv, name));
    };
    let a = &args.pos;
    match name {
        "get" => {
            arity(&args, "get", 1, 2)?;
            let key = crate::interp::hash_key(a[0].clone())?;
            return Ok(match (arc.get(&key), a.get(1)) {
                (Some(v), Some(_)) => v.clone(),
                (Some(v), None) => Value::some(v.clone()),
                (None, Some(d)) => d.clone(),
                (None, None) => Value::None,
            });
        }
        "keys" => return Ok(Value::list(arc.keys().map(|k| k.0.clone()).collect())),
        "values" => return Ok(Value::list(arc.values().cloned().collect())),
        "items" => {
            return Ok(Value::list(arc.iter().map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()])).collect()))
        }
        "copy" => return Ok(Value::Dict(arc.clone())),
        "update" => {
            arity(&args, "update", 1, 1)?;
            let Value::Dict(other) = &a[0] else {
                return Err(Thrown::type_error(format!("update() needs a Dict, not {}", a[0].type_name())));
            };
            let d = Arc::make_mut(arc);
            for (k, v) in other.iter() {
                d.insert(k.clone(), v.clone());
            }
            return Ok(Value::None);
        }
        _ => {}
    }
    let _ = vm;
    let d: &mut Dict = Arc::make_mut(arc);
    Ok(match name {
        "pop" => {
            arity(&args, "pop", 1, 2)?;
            let key = crate::interp::hash_key(a[0].clone())?;
            match (d.shift_remove(&key), a.get(1)) {
                (Some(v), _) => v,
                (None, Some(default)) => default.clone(),
                (None, None) => return Err(Thrown::new("KeyError", crate::format::to_repr(&a[0]))),
            }
        }
        "setdefault" => {
            arity(&args, "setdefault", 2, 2)?;
            let key = crate::interp::hash_key(a[0].clone())?;
            d.entry(key).or_insert_with(|| a[1].clone()).clone()
        }
        "clear" => {
            d.clear();
            Value::None
        }
        _ => return Err(Thrown::new("AttributeError", format!("Dict has no method `{name}`"))),
    })
}

fn option_method(vm: &mut Vm, recv: &mut Value, name: &str, args: Args) -> RtResult<Value> {
    let a = &args.pos;
    let inner = match &*recv {
        Value::Ok(x) => Some((**x).clone()),
        other => other.some_inner(),
    };
    let snapshot = recv.clone();
    let failure = || -> Thrown {
        match &snapshot {
            Value::Err(e) => match &**e {
                Value::Error(_) => Thrown::Error((**e).clone()),
                other => Thrown::value_error(format!("called unwrap on Err({})", crate::format::to_repr(other))),
            },
            _ => Thrown::value_error("called unwrap on None"),
        }
    };
    Ok(match name {
        "is_ok" | "is_some" => Value::Bool(inner.is_some()),
        "is_err" => Value::Bool(matches!(recv, Value::Err(_))),
        "is_none" => Value::Bool(matches!(recv, Value::None)),
        "unwrap" => inner.ok_or_else(failure)?,
        "expect" => {
            arity(&args, "expect", 1, 1)?;
            match inner {
                Some(v) => v,
                None => match &snapshot {
                    Value::Err(e) if matches!(**e, Value::Error(_)) => return Err(failure()),
                    _ => return Err(Thrown::value_error(vm.to_str(&a[0])?)),
                },
            }
        }
        "unwrap_or" => {
            arity(&args, "unwrap_or", 1, 1)?;
            inner.unwrap_or_else(|| a[0].clone())
        }
        "map" => {
            arity(&args, "map", 1, 1)?;
            match (&*recv, inner) {
                (Value::Ok(_), Some(x)) => Value::ok(vm.call_value(a[0].clone(), vec![x])?),
                (_, Some(x)) => Value::some(vm.call_value(a[0].clone(), vec![x])?),
                (other, None) => other.clone(),
            }
        }
        "ok" => match recv {
            Value::Ok(x) => Value::some((**x).clone()),
            some if some.is_some() => some.clone(),
            _ => Value::None,
        },
        "err" => match recv {
            Value::Err(x) => Value::some((**x).clone()),
            _ => Value::None,
        },
        _ => return Err(no_method(recv, name)),
    })
}

/// `len(v)`.
pub fn length(v: &Value) -> RtResult<i64> {
    Ok(match v {
        Value::Str(s) => s.chars().count() as i64,
        Value::List(xs) | Value::Tuple(xs) => xs.len() as i64,
        Value::Dict(d) => d.len() as i64,
        Value::Range(r) => r.len(),
        Value::Channel(c) => c.chan.len() as i64,
        Value::Unit => 0,
        other => return Err(Thrown::type_error(format!("{} has no length", other.a_type_name()))),
    })
}

/// Resolves a possibly negative index against `len` (IndexError when out of range).
pub fn normalize_index(i: &Value, len: usize) -> RtResult<usize> {
    let Value::Int(i) = i else {
        return Err(Thrown::type_error(format!("indices must be Int, not {}", i.type_name())));
    };
    let n = len as i64;
    let at = if *i < 0 { *i + n } else { *i };
    if at < 0 || at >= n {
        return Err(Thrown::new("IndexError", format!("index {i} is out of range for length {len}")));
    }
    Ok(at as usize)
}

/// `obj[idx]` for builtin values.
pub fn index(obj: &Value, idx: &Value) -> RtResult<Value> {
    match obj {
        Value::List(xs) | Value::Tuple(xs) => Ok(xs[normalize_index(idx, xs.len())?].clone()),
        Value::Str(s) => {
            let n = s.chars().count();
            let at = normalize_index(idx, n)?;
            Ok(Value::str(s.chars().nth(at).map(String::from).unwrap_or_default()))
        }
        Value::Dict(d) => {
            let key = crate::interp::hash_key(idx.clone())?;
            d.get(&key).cloned().ok_or_else(|| Thrown::new("KeyError", crate::format::to_repr(idx)))
        }
        Value::Range(r) => {
            let at = normalize_index(idx, r.len().max(0) as usize)? as i64;
            Ok(Value::Int(r.start + at * r.step))
        }
        other => Err(Thrown::type_error(format!("{} cannot be indexed", other.a_type_name()))),
    }
}

/// Python slice bounds: `(start, stop, step)` over a sequence of `len`.
fn slice_bounds(lo: &Value, hi: &Value, step: &Value, len: usize) -> RtResult<Vec<usize>> {
    let get = |v: &Value| -> RtResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            other => Err(Thrown::type_error(format!("slice bounds must be Int, not {}", other.type_name()))),
        }
    };
    let n = len as i64;
    let step = get(step)?.unwrap_or(1);
    if step == 0 {
        return Err(Thrown::value_error("slice step cannot be zero"));
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let fix = |v: i64| if v < 0 { v + n } else { v };
    let mut out = Vec::new();
    if step > 0 {
        let start = clamp(get(lo)?.map(fix).unwrap_or(0), 0, n);
        let stop = clamp(get(hi)?.map(fix).unwrap_or(n), 0, n);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = clamp(get(lo)?.map(fix).unwrap_or(n - 1), -1, n - 1);
        let stop = clamp(get(hi)?.map(fix).unwrap_or(-1), -1, n - 1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

pub fn slice(obj: &Value, lo: &Value, hi: &Value, step: &Value) -> RtResult<Value> {
    match obj {
        Value::List(xs) => {
            Ok(Value::list(slice_bounds(lo, hi, step, xs.len())?.into_iter().map(|i| xs[i].clone()).collect()))
        }
        Value::Tuple(xs) => {
            Ok(Value::tuple(slice_bounds(lo, hi, step, xs.len())?.into_iter().map(|i| xs[i].clone()).collect()))
        }
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            Ok(Value::str(slice_bounds(lo, hi, step, chars.len())?.into_iter().map(|i| chars[i]).collect::<String>()))
        }
        other => Err(Thrown::type_error(format!("{} cannot be sliced", other.a_type_name()))),
    }
}

/// `needle in container`.
pub fn contains(container: &Value, needle: &Value) -> RtResult<bool> {
    Ok(match container {
        Value::List(xs) | Value::Tuple(xs) => xs.iter().any(|x| crate::ops::values_equal(x, needle)),
        Value::Str(s) => s.contains(str_arg(needle, "the left side of `in` a String")?),
        Value::Dict(d) => match crate::value::HashKey::new(needle.clone()) {
            Some(k) => d.contains_key(&k),
            None => false,
        },
        Value::Range(r) => match needle {
            Value::Int(i) => {
                let inside = if r.step > 0 { *i >= r.start && *i < r.stop } else { *i <= r.start && *i > r.stop };
                inside && (i - r.start) % r.step == 0
            }
            _ => false,
        },
        other => {
            return Err(Thrown::type_error(format!("`in` needs a container on the right, got {}", other.type_name())))
        }
    })
}
