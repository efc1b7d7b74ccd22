//! Runtime errors: the `Error` value users see (`kind`, `message`) and the
//! in-flight `Thrown` that unwinds the fiber (an error, or a panic that
//! `except` cannot catch), plus the traceback collected while unwinding.

use crate::value::Value;
use lexer::Span;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub struct ErrorObj {
    pub kind: Arc<str>,
    pub message: String,
    /// A panic in flight through a `finally` block (never matched by `except`).
    pub is_panic: bool,
}

impl ErrorObj {
    pub fn value(kind: &str, message: impl Into<String>) -> Value {
        Value::Error(Arc::new(ErrorObj { kind: kind.into(), message: message.into(), is_panic: false }))
    }
}

/// What unwinds the stack.
#[derive(Debug, Clone)]
pub enum Thrown {
    /// A raised error value (normally a `Value::Error`).
    Error(Value),
    /// `panic(msg)`: runs `finally` blocks but is never caught by `except`.
    Panic(String),
}

impl Thrown {
    pub fn new(kind: &str, message: impl Into<String>) -> Thrown {
        Thrown::Error(ErrorObj::value(kind, message))
    }

    pub fn type_error(message: impl Into<String>) -> Thrown {
        Thrown::new("TypeError", message)
    }

    pub fn value_error(message: impl Into<String>) -> Thrown {
        Thrown::new("ValueError", message)
    }

    /// The error kind, for matching `except Kind`.
    pub fn kind(&self) -> Option<&str> {
        match self {
            Thrown::Error(Value::Error(e)) => Some(&e.kind),
            _ => None,
        }
    }

    /// The value a handler receives (a panic becomes a marked error value).
    pub fn into_value(self) -> Value {
        match self {
            Thrown::Error(v) => v,
            Thrown::Panic(msg) => {
                Value::Error(Arc::new(ErrorObj { kind: "Panic".into(), message: msg, is_panic: true }))
            }
        }
    }

    /// The inverse of `into_value`, for re-raising.
    pub fn from_value(v: Value) -> Thrown {
        match &v {
            Value::Error(e) if e.is_panic => Thrown::Panic(e.message.clone()),
            _ => Thrown::Error(v),
        }
    }

    /// `Kind: message` as printed after `error: `.
    pub fn headline(&self) -> String {
        match self {
            Thrown::Error(v) => crate::format::to_str(v),
            Thrown::Panic(msg) => format!("panic: {msg}"),
        }
    }
}

/// One line of a traceback: the function and where in it.
#[derive(Debug, Clone)]
pub struct TraceEntry {
    pub function: String,
    pub file: Arc<str>,
    pub span: Span,
}

/// An error that escaped to the top of a fiber, with its traceback
/// (innermost frame last).
#[derive(Debug, Clone)]
pub struct Uncaught {
    pub thrown: Thrown,
    pub trace: Vec<TraceEntry>,
}

pub type RtResult<T> = Result<T, Thrown>;
