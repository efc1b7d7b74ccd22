//! How a task ended: its value, or what it threw with its traceback
//! (re-exported from `task`, which keeps one in every finished task).

use crate::error::{Thrown, TraceEntry};
use crate::value::Value;

/// How a task ended.
#[derive(Debug, Clone)]
pub enum TaskResult {
    Value(Value),
    /// Boxed: a task keeps its result until its handle goes, so this enum
    /// is part of every finished task's size (16 bytes, not 48).
    Failed(Box<Failure>),
}

/// What a failed task threw, with its traceback.
#[derive(Debug, Clone)]
pub struct Failure {
    pub thrown: Thrown,
    pub trace: Vec<TraceEntry>,
}

impl TaskResult {
    pub fn failed(thrown: Thrown, trace: Vec<TraceEntry>) -> TaskResult {
        TaskResult::Failed(Box::new(Failure { thrown, trace }))
    }

    /// The error, if the task failed.
    pub fn thrown(&self) -> Option<&Thrown> {
        match self {
            TaskResult::Value(_) => None,
            TaskResult::Failed(f) => Some(&f.thrown),
        }
    }
}
