//! Value tests the instructions share: truthiness, dictionary keys,
//! positional elements, pattern tests, `isinstance`, `except` matching,
//! generic application (`Channel[Int]`) and struct type construction.

use crate::bytecode::PatternTest;
use crate::error::{RtResult, Thrown};
use crate::value::{HashKey, Value};
use std::sync::Arc;

#[inline]
pub(crate) fn load_global(globals: &super::Globals, g: usize) -> RtResult<Value> {
    match globals.get(g) {
        Some(v) => Ok(v),
        None => {
            let name = globals.name(g);
            Err(Thrown::new("Error", format!("global `{name}` is used before it is defined")))
        }
    }
}

pub(crate) fn expect_bool(v: &Value, what: &str) -> RtResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(Thrown::type_error(format!(
            "{what} must be a Bool, not {} (compare explicitly, e.g. `x != 0`)",
            other.type_name()
        ))),
    }
}

pub fn hash_key(k: Value) -> RtResult<HashKey> {
    // The type's name only for the error (it is a formatted string).
    if !crate::value::is_hashable(&k) {
        return Err(Thrown::type_error(format!("{} cannot be a dictionary key (it is mutable)", k.a_type_name())));
    }
    Ok(HashKey(k))
}

pub(crate) fn get_item(obj: &Value, i: usize) -> RtResult<Value> {
    let found = match obj {
        Value::Tuple(xs) | Value::List(xs) => xs.get(i).cloned(),
        Value::Struct(s) => s.fields.get(i).cloned(),
        Value::Error(e) if i == 0 => Some(Value::str(e.message.clone())),
        _ => None,
    };
    found.ok_or_else(|| Thrown::new("IndexError", format!("no element {i} in {}", obj.type_name())))
}

pub(crate) fn pattern_test(t: &PatternTest, v: &Value) -> bool {
    let seq_len = |v: &Value| match v {
        Value::Tuple(xs) | Value::List(xs) => Some(xs.len()),
        Value::Unit => Some(0),
        _ => None,
    };
    let fits = |n: usize, len: u32, at_least: bool| {
        if at_least {
            n >= len as usize
        } else {
            n == len as usize
        }
    };
    match t {
        PatternTest::Tuple(n) => {
            matches!(v, Value::Tuple(xs) if xs.len() == *n as usize) || (*n == 0 && matches!(v, Value::Unit))
        }
        PatternTest::List { len, at_least } => {
            matches!(v, Value::List(xs) if fits(xs.len(), *len, *at_least))
        }
        PatternTest::Seq { len, at_least } => match v {
            Value::Tuple(_) | Value::Unit => seq_len(v).is_some_and(|n| fits(n, *len, *at_least)),
            _ => false,
        },
        PatternTest::Some => v.is_some(),
        PatternTest::Ok => matches!(v, Value::Ok(_)),
        PatternTest::Err => matches!(v, Value::Err(_)),
        PatternTest::None => matches!(v, Value::None),
    }
}

/// `isinstance(v, ty)` and type patterns: exact types (an Int is not a Float).
pub fn is_instance(v: &Value, ty: &Value) -> RtResult<bool> {
    use crate::types::{BuiltinType, TypeInfo};
    let Value::Type(t) = ty else {
        return Err(Thrown::type_error(format!("isinstance needs a type, got {}", ty.type_name())));
    };
    Ok(match &**t {
        TypeInfo::Builtin(BuiltinType::Float) => matches!(v, Value::Float(_)),
        TypeInfo::Builtin(b) => b.contains(v),
        TypeInfo::Struct(s) => {
            matches!(v, Value::Struct(o) if Arc::ptr_eq(&o.ty, s) || o.ty.name == s.name)
        }
        TypeInfo::ErrorKind(k) => {
            matches!(v, Value::Error(e) if &*e.kind == &**k || &**k == "Error")
        }
        TypeInfo::Trait(name) => {
            matches!(v, Value::Struct(o) if o.ty.traits.iter().any(|t| t == name))
        }
        TypeInfo::Channel(_) => matches!(v, Value::Channel(_)),
        TypeInfo::Opaque(name) | TypeInfo::HandleKind(name) => v.type_name() == *name,
    })
}

pub(crate) fn exc_matches(err: &Value, ty: &Value) -> RtResult<bool> {
    match ty {
        Value::Type(_) => is_instance(err, ty),
        other => Err(Thrown::type_error(format!("`except` needs an error kind, got {}", other.type_name()))),
    }
}

/// `Type[Args]` in an expression: `Channel[Int]` remembers its element
/// type; other generic types are the type itself.
pub(crate) fn generic(t: &Arc<crate::types::TypeInfo>, arg: &Value) -> Value {
    use crate::bytecode::TypeCheck;
    use crate::types::TypeInfo;
    match &**t {
        TypeInfo::Channel(_) => {
            let check = match arg {
                Value::Type(a) => match &**a {
                    TypeInfo::Builtin(b) => Some(TypeCheck::Builtin(*b)),
                    TypeInfo::Struct(s) => Some(TypeCheck::Named(s.name.clone())),
                    TypeInfo::ErrorKind(k) => Some(TypeCheck::Named(k.to_string())),
                    _ => None,
                },
                _ => None,
            };
            Value::Type(Arc::new(TypeInfo::Channel(check)))
        }
        _ => Value::Type(t.clone()),
    }
}

pub(crate) fn make_struct_type(spec: &crate::bytecode::StructSpec, methods: Vec<Value>, defaults: Vec<Value>) -> Value {
    use crate::types::{StructType, TypeInfo};
    let mut defaults = defaults.into_iter();
    let field_defaults = spec.defaults.iter().map(|d| if *d { defaults.next() } else { None }).collect();
    let methods = spec.method_names.iter().map(|n| Arc::from(n.as_str())).zip(methods).collect();
    let ty = StructType {
        name: spec.name.clone(),
        fields: spec.fields.clone(),
        field_types: spec.field_types.clone(),
        field_defaults,
        methods,
        traits: spec.traits.clone(),
        id: StructType::next_id(),
        pinned: Default::default(),
    };
    Value::Type(Arc::new(TypeInfo::Struct(Arc::new(ty))))
}
