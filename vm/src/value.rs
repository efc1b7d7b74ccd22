//! The `Value` type: 16 bytes, scalars inline, everything else behind an `Arc`
//! (DESIGN.md §Values). Lists, dicts, tuples and struct instances have value
//! semantics: a copy is a refcount bump and a write goes through
//! `Arc::make_mut`, which copies only when the value is shared.

use crate::bytecode::FuncProto;
use crate::error::ErrorObj;
use crate::types::{StructType, TypeInfo};
use std::sync::Arc;

/// A dict keeps insertion order (IndexMap); its keys are hashed with
/// foldhash (randomly seeded per process, several times faster than the
/// default SipHash on the Int and short String keys programs use).
pub type Dict = indexmap::IndexMap<HashKey, Value, foldhash::fast::RandomState>;

#[derive(Debug, Default)]
pub enum Value {
    #[default]
    None,
    Unit,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// `Some(n)` of an Int, without an allocation.
    SomeInt(i64),
    /// `Some(x)` of a Float.
    SomeFloat(f64),
    /// `Some(b)` of a Bool.
    SomeBool(bool),
    /// A builtin function, by index into the native table.
    Native(u32),
    // The variants above own nothing (no drop, no refcount): they come
    // first so that "needs no drop" is one comparison of the tag
    // (`Value::owns_nothing`).
    Str(Arc<String>),
    List(Arc<Vec<Value>>),
    Tuple(Arc<Vec<Value>>),
    Dict(Arc<Dict>),
    /// `Some(v)` of anything but a scalar (`Value::some` picks the form;
    /// every `Some` of an Int, Float or Bool is one of the inline forms
    /// above, so two equal `Some`s always have the same form)
    Some(Arc<Value>),
    Ok(Arc<Value>),
    Err(Arc<Value>),
    Error(Arc<ErrorObj>),
    Struct(Arc<StructObj>),
    Func(Arc<Closure>),
    /// A method bound to its receiver: `xs.append` used as a value.
    Bound(Arc<BoundMethod>),
    /// A type used as a value: `Int`, `Point`, `ValueError`.
    Type(Arc<TypeInfo>),
    Range(Arc<RangeObj>),
    /// A lazy call of an `async fn`.
    Coroutine(Arc<crate::task::CoroutineObj>),
    /// A spawned task's handle.
    Task(Arc<crate::task::TaskObj>),
    /// A native awaitable (`sleep`, `join`, channel operations, …).
    Future(Arc<crate::futures::FutureObj>),
    /// A channel handle (shared by its clones).
    Channel(Arc<crate::chan::ChannelObj>),
    /// Lock, Semaphore, Event, Atomic, Shared, TaskGroup, Executor.
    Handle(Arc<crate::handles::Handle>),
    /// An imported module of your own.
    Module(Arc<ModuleObj>),
    /// An iterator in progress (the `for` loop's hidden state; never shared).
    Iter(Box<crate::iter::IterState>),
}

impl Clone for Value {
    /// A refcount bump (nothing for scalars) and a bitwise copy of the
    /// 16 bytes. Copying the value whole, rather than rebuilding it variant
    /// by variant, lets it go straight to its destination without a
    /// store-forwarding stall: the VM clones on every `Load`.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Iter(x) = self {
            return Value::Iter(x.clone());
        }
        self.retain();
        // SAFETY: every variant other than `Iter` is either plain data or
        // one `Arc`, whose strong count `retain` has just raised for the
        // copy; the copy is then an owner like the original.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    /// Does the value own nothing (a scalar, an inline `Some` of one, a
    /// builtin)? Then it needs no drop: overwriting or forgetting it leaks
    /// nothing. One comparison of the tag (these variants come first).
    #[inline(always)]
    pub fn owns_nothing(&self) -> bool {
        matches!(
            self,
            Value::None
                | Value::Unit
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::SomeInt(_)
                | Value::SomeFloat(_)
                | Value::SomeBool(_)
                | Value::Native(_)
        )
    }

    /// `values.truncate(len)`, without a drop call for the values that own
    /// nothing (the Int argument of a send, say).
    #[inline(always)]
    pub fn truncate(values: &mut Vec<Value>, len: usize) {
        while values.len() > len {
            match values.pop() {
                Some(v) if v.owns_nothing() => std::mem::forget(v),
                v => drop(v),
            }
        }
    }

    /// `*self = v`, without the out-of-line drop when the old value owns
    /// nothing (a slot that held the last `Some(n)` received, say).
    #[inline(always)]
    pub fn set(&mut self, v: Value) {
        if self.owns_nothing() {
            // SAFETY: the old value owns nothing, so not dropping it leaks
            // nothing; `self` is valid for writes.
            unsafe { std::ptr::write(self, v) };
        } else {
            *self = v;
        }
    }

    /// Takes one more strong reference to the value's `Arc`, if it has one.
    #[inline(always)]
    fn retain(&self) {
        use std::mem::forget;
        match self {
            Value::None
            | Value::Unit
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Native(_)
            | Value::SomeInt(_)
            | Value::SomeFloat(_)
            | Value::SomeBool(_) => {}
            Value::Str(x) => forget(x.clone()),
            Value::List(x) | Value::Tuple(x) => forget(x.clone()),
            Value::Dict(x) => forget(x.clone()),
            Value::Some(x) | Value::Ok(x) | Value::Err(x) => forget(x.clone()),
            Value::Error(x) => forget(x.clone()),
            Value::Struct(x) => forget(x.clone()),
            Value::Func(x) => forget(x.clone()),
            Value::Bound(x) => forget(x.clone()),
            Value::Type(x) => forget(x.clone()),
            Value::Range(x) => forget(x.clone()),
            Value::Coroutine(x) => forget(x.clone()),
            Value::Task(x) => forget(x.clone()),
            Value::Future(x) => forget(x.clone()),
            Value::Channel(x) => forget(x.clone()),
            Value::Handle(x) => forget(x.clone()),
            Value::Module(x) => forget(x.clone()),
            // Not an Arc: `clone` copies the box before getting here.
            Value::Iter(_) => {}
        }
    }
}

/// An instance of a module of your own: its name and its globals.
#[derive(Debug)]
pub struct ModuleObj {
    pub name: String,
    pub globals: Arc<crate::interp::Globals>,
}

#[derive(Clone, Debug)]
pub struct StructObj {
    pub ty: Arc<StructType>,
    pub fields: Vec<Value>,
}

/// A function value. Aligned to a cache line: every worker that calls or
/// spawns the function reads it, so no other object may share its lines
/// (a task object allocated next to it would be written on every spawn).
#[derive(Debug)]
#[repr(align(64))]
pub struct Closure {
    pub proto: Arc<FuncProto>,
    /// Values captured by value at the point of definition.
    pub captures: Vec<Value>,
    /// Default values of the trailing parameters, evaluated at definition.
    pub defaults: Vec<Value>,
    /// The globals of the module the function was defined in.
    pub globals: Arc<crate::interp::Globals>,
    /// What a call checks before entering it, from `proto`.
    entry: EntryInfo,
}

impl Closure {
    pub fn new(
        proto: Arc<FuncProto>,
        captures: Vec<Value>,
        defaults: Vec<Value>,
        globals: Arc<crate::interp::Globals>,
    ) -> Closure {
        let entry = EntryInfo::of(&proto);
        Closure { proto, captures, defaults, globals, entry }
    }

    /// What a call checks before entering the closure's frame directly.
    #[inline(always)]
    pub fn entry(&self) -> &EntryInfo {
        &self.entry
    }
}

/// What a call checks before it enters a closure's frame without binding
/// (`Vm::plain_entry`, `Vm::enter_struct_method`), copied from the proto
/// when the closure is made: the check reads the closure, not the proto
/// behind it (one dependent load less on every call).
#[derive(Debug, Clone, Copy)]
pub struct EntryInfo {
    pub nparams: u16,
    pub nslots: u16,
    pub is_async: bool,
    /// `FuncProto::self_borrowable`.
    pub self_borrowable: bool,
    /// No `*args`, no captures, and every annotated parameter is one of
    /// the first 32 and annotated `Int`: then `int_params` is the whole
    /// argument check.
    pub simple: bool,
    /// Bit i: parameter i is annotated `Int`.
    pub int_params: u32,
}

impl EntryInfo {
    fn of(proto: &FuncProto) -> EntryInfo {
        use crate::bytecode::TypeCheck;
        use crate::types::BuiltinType;
        let mut int_params = 0u32;
        let mut only_ints = true;
        for (i, check) in proto.param_types.iter().enumerate() {
            match check {
                None => {}
                Some(TypeCheck::Builtin(BuiltinType::Int)) if i < 32 => int_params |= 1 << i,
                Some(_) => only_ints = false,
            }
        }
        EntryInfo {
            nparams: u16::try_from(proto.params.len()).unwrap_or(u16::MAX),
            nslots: proto.nslots,
            is_async: proto.is_async,
            self_borrowable: proto.self_borrowable,
            simple: only_ints && !proto.has_star && proto.capture_slots.is_empty() && proto.params.len() < 0xFFFF,
            int_params,
        }
    }

    /// Whether every argument `int_params` (shifted right by `skip`) names
    /// is an Int.
    #[inline(always)]
    pub fn ints_hold(&self, skip: u32, args: &[Value]) -> bool {
        let mut mask = self.int_params >> skip;
        while mask != 0 {
            let i = mask.trailing_zeros() as usize;
            if !matches!(args.get(i), Some(Value::Int(_))) {
                return false;
            }
            mask &= mask - 1;
        }
        true
    }
}

#[derive(Debug)]
pub struct BoundMethod {
    pub receiver: Value,
    pub method: Value,
    /// For builtin-type methods: the interned method name.
    pub name: Arc<str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Arc::new(s.into()))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(items))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(items))
    }

    /// `Some(v)`: a scalar stays inline, anything else is boxed.
    #[inline(always)]
    pub fn some(v: Value) -> Value {
        // The scalar arms copy their payload out of `v`, which owns
        // nothing; forgetting it spares the out-of-line drop call rustc
        // would otherwise emit for it.
        match v {
            Value::Int(i) => {
                std::mem::forget(v);
                Value::SomeInt(i)
            }
            Value::Float(f) => {
                std::mem::forget(v);
                Value::SomeFloat(f)
            }
            Value::Bool(b) => {
                std::mem::forget(v);
                Value::SomeBool(b)
            }
            other => Value::Some(Arc::new(other)),
        }
    }

    /// Whether the value is a `Some` (in any of its forms).
    #[inline]
    /// Whether no method changes this value in place: a handle (shared by
    /// its clones, so a method acts on what every clone sees), a scalar or
    /// a string. A variable holding one may be lent to an inlined call.
    pub fn is_lendable(&self) -> bool {
        matches!(
            self,
            Value::None
                | Value::Unit
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Str(_)
                | Value::Channel(_)
                | Value::Task(_)
                | Value::Future(_)
                | Value::Handle(_)
        )
    }

    pub fn is_some(&self) -> bool {
        matches!(self, Value::Some(_) | Value::SomeInt(_) | Value::SomeFloat(_) | Value::SomeBool(_))
    }

    /// Whether the value is an Optional or a Result (`Some`, `None`, `Ok`,
    /// `Err`): the values with the Optional/Result methods.
    pub fn is_option_or_result(&self) -> bool {
        self.is_some() || matches!(self, Value::None | Value::Ok(_) | Value::Err(_))
    }

    /// A copy of what a `Some` holds; None for anything else.
    #[inline(always)]
    pub fn some_inner(&self) -> Option<Value> {
        match self {
            Value::SomeInt(i) => Some(Value::Int(*i)),
            Value::Some(x) => Some((**x).clone()),
            Value::SomeFloat(f) => Some(Value::Float(*f)),
            Value::SomeBool(b) => Some(Value::Bool(*b)),
            _ => None,
        }
    }

    /// What a `Some` holds, moved out (copied only when its box is shared);
    /// anything else is given back unchanged.
    #[inline]
    pub fn into_some_inner(self) -> Result<Value, Value> {
        match self {
            Value::SomeInt(i) => Ok(Value::Int(i)),
            Value::Some(x) => Ok(Arc::unwrap_or_clone(x)),
            Value::SomeFloat(f) => Ok(Value::Float(f)),
            Value::SomeBool(b) => Ok(Value::Bool(b)),
            other => Err(other),
        }
    }

    pub fn ok(v: Value) -> Value {
        Value::Ok(Arc::new(v))
    }

    pub fn err(v: Value) -> Value {
        Value::Err(Arc::new(v))
    }

    /// The user-facing type name, as `type(x)` and error messages show it.
    /// The type's name with its article, for messages: "an Int", "a Bool".
    pub fn a_type_name(&self) -> String {
        crate::format::with_article(&self.type_name())
    }

    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Unit => "()".into(),
            Value::Bool(_) => "Bool".into(),
            Value::Int(_) => "Int".into(),
            Value::Float(_) => "Float".into(),
            Value::Str(_) => "String".into(),
            Value::List(_) => "List".into(),
            Value::Tuple(_) => "Tuple".into(),
            Value::Dict(_) => "Dict".into(),
            Value::Some(_) | Value::SomeInt(_) | Value::SomeFloat(_) | Value::SomeBool(_) => "Optional".into(),
            Value::Ok(_) | Value::Err(_) => "Result".into(),
            Value::Error(e) => e.kind.to_string(),
            Value::Struct(s) => s.ty.name.clone(),
            Value::Func(_) | Value::Native(_) | Value::Bound(_) => "Function".into(),
            Value::Type(_) => "Type".into(),
            Value::Range(_) => "Range".into(),
            Value::Iter(_) => "Iterator".into(),
            Value::Coroutine(_) => "Coroutine".into(),
            Value::Task(_) => "Task".into(),
            Value::Future(_) => "Future".into(),
            Value::Channel(_) => "Channel".into(),
            Value::Handle(h) => h.type_name().into(),
            Value::Module(_) => "Module".into(),
        }
    }
}

/// A dictionary key: a value that can be hashed. Only immutable-by-nature
/// values qualify (Int, Float, Bool, String, None, Unit, and tuples of them);
/// `HashKey::new` refuses the rest.
#[derive(Clone, Debug)]
pub struct HashKey(pub Value);

impl HashKey {
    pub fn new(v: Value) -> Option<HashKey> {
        if is_hashable(&v) {
            Some(HashKey(v))
        } else {
            None
        }
    }
}

pub(crate) fn is_hashable(v: &Value) -> bool {
    match v {
        Value::None | Value::Unit | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) => true,
        Value::Tuple(items) => items.iter().all(is_hashable),
        Value::Some(x) | Value::Ok(x) | Value::Err(x) => is_hashable(x),
        Value::SomeInt(_) | Value::SomeFloat(_) | Value::SomeBool(_) => true,
        Value::Type(_) => true,
        _ => false,
    }
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        crate::ops::values_equal(&self.0, &other.0)
    }
}
impl Eq for HashKey {}

impl std::hash::Hash for HashKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state)
    }
}

fn hash_value<H: std::hash::Hasher>(v: &Value, state: &mut H) {
    use std::hash::Hash;
    match v {
        // 1 == 1.0 == True, so they must hash alike.
        Value::Int(i) => i.hash(state),
        Value::Bool(b) => (*b as i64).hash(state),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(state)
            } else {
                f.to_bits().hash(state)
            }
        }
        Value::Str(s) => s.hash(state),
        Value::Tuple(items) => {
            items.len().hash(state);
            for x in items.iter() {
                hash_value(x, state);
            }
        }
        Value::Some(x) | Value::Ok(x) | Value::Err(x) => hash_value(x, state),
        Value::SomeInt(_) | Value::SomeFloat(_) | Value::SomeBool(_) => {
            if let Some(x) = v.some_inner() {
                hash_value(&x, state)
            }
        }
        Value::Type(t) => t.name().hash(state),
        _ => 0u8.hash(state),
    }
}

#[cfg(test)]
mod tests {
    /// Every push, pop and copy of the VM moves values: keep them two words.
    #[test]
    fn a_value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<super::Value>>(), 16);
    }
}
