//! Runtime type descriptors: builtin types, user structs, traits and error
//! kinds, as they appear when a type is used as a value (`Point`, `Int`,
//! `ValueError`) or in an annotation check.

use crate::value::Value;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltinType {
    Int,
    Float,
    Bool,
    String,
    NoneType,
    List,
    Dict,
    Tuple,
    Optional,
    Result,
    Function,
    /// Any value: annotations naming types the program does not define.
    Any,
    /// The runtime's shared handles, in annotations (`c: Channel[Int]`).
    Channel,
    Task,
    Lock,
    Semaphore,
    Event,
    Atomic,
    Shared,
    TaskGroup,
    Executor,
}

impl BuiltinType {
    pub fn name(self) -> &'static str {
        match self {
            BuiltinType::Int => "Int",
            BuiltinType::Float => "Float",
            BuiltinType::Bool => "Bool",
            BuiltinType::String => "String",
            BuiltinType::NoneType => "NoneType",
            BuiltinType::List => "List",
            BuiltinType::Dict => "Dict",
            BuiltinType::Tuple => "Tuple",
            BuiltinType::Optional => "Optional",
            BuiltinType::Result => "Result",
            BuiltinType::Function => "Function",
            BuiltinType::Any => "Any",
            BuiltinType::Channel => "Channel",
            BuiltinType::Task => "Task",
            BuiltinType::Lock => "Lock",
            BuiltinType::Semaphore => "Semaphore",
            BuiltinType::Event => "Event",
            BuiltinType::Atomic => "Atomic",
            BuiltinType::Shared => "Shared",
            BuiltinType::TaskGroup => "TaskGroup",
            BuiltinType::Executor => "Executor",
        }
    }

    /// A handle type named in an annotation, checked like the builtin
    /// types (not a value's name: `Channel` as a value is its constructor).
    pub fn handle_from_name(name: &str) -> Option<BuiltinType> {
        Some(match name {
            "Channel" => BuiltinType::Channel,
            "Task" => BuiltinType::Task,
            "Lock" => BuiltinType::Lock,
            "Semaphore" => BuiltinType::Semaphore,
            "Event" => BuiltinType::Event,
            "Atomic" => BuiltinType::Atomic,
            "Shared" => BuiltinType::Shared,
            "TaskGroup" => BuiltinType::TaskGroup,
            "Executor" => BuiltinType::Executor,
            _ => return None,
        })
    }

    /// A value of this type can be lent (see `Value::is_lendable`): no
    /// method changes it in place.
    pub fn is_lendable(self) -> bool {
        !matches!(
            self,
            BuiltinType::List
                | BuiltinType::Dict
                | BuiltinType::Tuple
                | BuiltinType::Optional
                | BuiltinType::Result
                | BuiltinType::Function
                | BuiltinType::Any
        )
    }

    pub fn from_name(name: &str) -> Option<BuiltinType> {
        Some(match name {
            "Int" => BuiltinType::Int,
            "Float" | "Float64" => BuiltinType::Float,
            "Bool" => BuiltinType::Bool,
            "String" | "Str" => BuiltinType::String,
            "NoneType" => BuiltinType::NoneType,
            "List" => BuiltinType::List,
            "Dict" => BuiltinType::Dict,
            "Tuple" => BuiltinType::Tuple,
            "Optional" => BuiltinType::Optional,
            "Result" => BuiltinType::Result,
            _ => return None,
        })
    }

    /// Does `v` belong to this type?
    pub fn contains(self, v: &Value) -> bool {
        match (self, v) {
            (BuiltinType::Any, _) => true,
            (BuiltinType::Int, Value::Int(_)) => true,
            // An Int is accepted where a Float is expected (as in Mojo and Python).
            (BuiltinType::Float, Value::Float(_) | Value::Int(_)) => true,
            (BuiltinType::Bool, Value::Bool(_)) => true,
            (BuiltinType::String, Value::Str(_)) => true,
            (BuiltinType::NoneType, Value::None) => true,
            (BuiltinType::List, Value::List(_)) => true,
            (BuiltinType::Dict, Value::Dict(_)) => true,
            (BuiltinType::Tuple, Value::Tuple(_) | Value::Unit) => true,
            (BuiltinType::Optional, v) if v.is_some() || matches!(v, Value::None) => true,
            (BuiltinType::Result, Value::Ok(_) | Value::Err(_)) => true,
            (BuiltinType::Function, Value::Func(_) | Value::Native(_) | Value::Bound(_) | Value::Type(_)) => true,
            (BuiltinType::Channel, Value::Channel(_)) => true,
            (BuiltinType::Task, Value::Task(_)) => true,
            (BuiltinType::Lock, Value::Handle(h)) => matches!(**h, crate::handles::Handle::Lock(_)),
            (BuiltinType::Semaphore, Value::Handle(h)) => matches!(**h, crate::handles::Handle::Semaphore(_)),
            (BuiltinType::Event, Value::Handle(h)) => matches!(**h, crate::handles::Handle::Event(_)),
            (BuiltinType::Atomic, Value::Handle(h)) => matches!(**h, crate::handles::Handle::Atomic(_)),
            (BuiltinType::Shared, Value::Handle(h)) => matches!(**h, crate::handles::Handle::Shared(_)),
            (BuiltinType::TaskGroup, Value::Handle(h)) => matches!(**h, crate::handles::Handle::TaskGroup(_)),
            (BuiltinType::Executor, Value::Handle(h)) => matches!(**h, crate::handles::Handle::Executor(_)),
            _ => false,
        }
    }
}

/// A struct's layout and methods, shared by all its instances.
#[derive(Debug)]
pub struct StructType {
    pub name: String,
    pub fields: Vec<String>,
    /// Declared field types (checked by the memberwise constructor).
    pub field_types: Vec<Option<crate::bytecode::TypeCheck>>,
    /// Field defaults, evaluated at definition time.
    pub field_defaults: Vec<Option<Value>>,
    /// Instance and static methods, in definition order (a struct has a
    /// handful: a scan of short names beats hashing them). Fixed when the
    /// type is made, so call sites may cache a method's index (`MethodCache`).
    pub methods: Vec<(Arc<str>, Value)>,
    pub traits: Vec<String>,
    /// Unique among the struct types of the process: what a call site's
    /// cache is keyed by.
    pub id: u32,
    /// Held by a frozen global (a module-level struct), so it lives as long
    /// as the program's globals: its methods' frames may borrow them
    /// (`FrameFn::Global`) instead of counting references.
    pub pinned: std::sync::atomic::AtomicBool,
}

impl StructType {
    /// A fresh id for a new struct type (ids are never reused while the
    /// process lives; after 2^32 types a cache may only miss more often).
    pub fn next_id() -> u32 {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    /// `field_index` through a site's cache: one compare when the site
    /// met this type last.
    #[inline(always)]
    pub fn cached_field_index(&self, name: &str, cache: &crate::bytecode::FieldCache) -> Option<usize> {
        match cache.get(self.id) {
            Some(i) => Some(i),
            None => self.find_field_caching(name, cache),
        }
    }

    #[cold]
    fn find_field_caching(&self, name: &str, cache: &crate::bytecode::FieldCache) -> Option<usize> {
        let i = self.field_index(name)?;
        cache.set(self.id, i);
        Some(i)
    }

    pub fn method_index(&self, name: &str) -> Option<usize> {
        self.methods.iter().position(|(n, _)| &**n == name)
    }

    pub fn method(&self, name: &str) -> Option<Value> {
        self.method_ref(name).cloned()
    }

    pub fn method_ref(&self, name: &str) -> Option<&Value> {
        self.method_index(name).map(|i| &self.methods[i].1)
    }
}

#[derive(Debug)]
pub enum TypeInfo {
    Builtin(BuiltinType),
    Struct(Arc<StructType>),
    /// An error kind: `ValueError`, `TimeoutError`, … (also callable).
    ErrorKind(Arc<str>),
    Trait(String),
    /// `Channel` or `Channel[T]`: calling it makes a channel checking T.
    Channel(Option<crate::bytecode::TypeCheck>),
    /// Handle types without a constructor of their own here (`Task`, `Coroutine`).
    Opaque(&'static str),
    /// `Lock`, `Semaphore`, `Event`, `Atomic`, `Shared`, `TaskGroup`, `Executor`.
    HandleKind(&'static str),
}

impl TypeInfo {
    pub fn name(&self) -> &str {
        match self {
            TypeInfo::Builtin(b) => b.name(),
            TypeInfo::Struct(s) => &s.name,
            TypeInfo::ErrorKind(k) => k,
            TypeInfo::Trait(t) => t,
            TypeInfo::Channel(_) => "Channel",
            TypeInfo::Opaque(n) | TypeInfo::HandleKind(n) => n,
        }
    }
}

/// The built-in error kinds of LANGUAGE.md §8.
pub const ERROR_KINDS: &[&str] = &[
    "Error",
    "TypeError",
    "ValueError",
    "IndexError",
    "KeyError",
    "ZeroDivisionError",
    "OverflowError",
    "RecursionError",
    "MemoryError",
    "MatchError",
    "TimeoutError",
    "CancelledError",
    "ChannelClosed",
    "IOError",
    "DeadlockError",
    "AssertionError",
    "AttributeError",
];

pub fn is_error_kind(name: &str) -> bool {
    ERROR_KINDS.contains(&name)
}
