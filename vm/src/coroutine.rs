//! Coroutine objects: the lazy call `g(args)` of an `async fn` makes,
//! which runs (once) when it is awaited or spawned.

use crate::error::Thrown;
use crate::interp::FrameFn;
use crate::task::{CallArgs, FnCall, Keywords, PendingCall};
use crate::task_name::TaskName;
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;

/// A lazy call of an `async fn`: nothing runs until it is awaited or spawned.
#[derive(Debug)]
pub struct CoroutineObj {
    pub name: TaskName,
    /// For an async `mut self` method called on a place: where `self` goes
    /// back, valid when awaited in the frame (depth) that made it.
    pub writeback: Option<Box<(crate::bytecode::Place, Vec<Value>, usize)>>,
    call: Mutex<Option<FnCall>>,
    /// Unused room making a coroutine's block the size of a task's: when a
    /// coroutine that only a list held is spawned (`join(coros)`, a
    /// TaskGroup spawning stored coroutines), its block is freed and the
    /// new task's allocation takes that same block back from the thread's
    /// cache (`block_cache`), instead of one more trip to the system
    /// allocator per task. Never written (no cost when made).
    _room: std::mem::MaybeUninit<[u8; COROUTINE_ROOM]>,
}

/// What a coroutine's own fields leave of a task's size.
const COROUTINE_ROOM: usize = std::mem::size_of::<crate::task::TaskObj>().saturating_sub(
    std::mem::size_of::<TaskName>()
        + std::mem::size_of::<Option<Box<(crate::bytecode::Place, Vec<Value>, usize)>>>()
        + std::mem::size_of::<Mutex<Option<FnCall>>>(),
);

impl CoroutineObj {
    /// A coroutine over a call of `func` (borrowed when a frozen global
    /// holds it, so a `join` of a thousand calls touches no shared count).
    pub fn new(name: TaskName, func: FrameFn, args: CallArgs, kw: Vec<(Arc<str>, Value)>) -> CoroutineObj {
        CoroutineObj {
            name,
            writeback: None,
            call: Mutex::new(Some((func, args, kw))),
            _room: std::mem::MaybeUninit::uninit(),
        }
    }

    /// A coroutine over a call of the function value `f`.
    pub fn of_value(name: Arc<str>, f: Value, args: CallArgs, kw: Keywords) -> Result<CoroutineObj, Thrown> {
        match f {
            Value::Func(c) => Ok(CoroutineObj::new(TaskName::Given(name), FrameFn::Owned(c), args, kw)),
            other => Err(Thrown::type_error(format!("a coroutine must wrap an async fn, not {}", other.type_name()))),
        }
    }

    /// The call to run; a coroutine runs at most once.
    pub fn take(&self) -> Result<PendingCall, Thrown> {
        self.take_fn().map(|(func, args, kw)| (Value::Func(func.into_arc()), args, kw))
    }

    /// `take_fn` of a coroutine value that may be the only reference to it
    /// (`join([g(i) for i in …])`): then its call moves out with no lock.
    pub fn into_call(this: Arc<CoroutineObj>) -> Result<FnCall, Thrown> {
        match Arc::try_unwrap(this) {
            Ok(co) => {
                let name = co.name;
                co.call
                    .into_inner()
                    .ok_or_else(|| Thrown::new("Error", format!("coroutine `{name}` was already awaited or spawned")))
            }
            Err(shared) => shared.take_fn(),
        }
    }

    /// `take`, with the function as a frame holds it (to spawn it).
    pub fn take_fn(&self) -> Result<FnCall, Thrown> {
        self.call
            .lock()
            .take()
            .ok_or_else(|| Thrown::new("Error", format!("coroutine `{}` was already awaited or spawned", self.name)))
    }
}

#[cfg(test)]
mod tests {
    /// A list of coroutines (`join([g(i) for i in ...])`) holds one each:
    /// the size of the task each becomes (so the block serves the task),
    /// and that stays small.
    #[test]
    fn coroutine_object_is_a_task_sized_block() {
        let co = std::mem::size_of::<super::CoroutineObj>();
        let task = std::mem::size_of::<crate::task::TaskObj>();
        assert_eq!(co, task, "CoroutineObj is {co} bytes, TaskObj {task}");
        assert!(task <= 192, "TaskObj is {task} bytes");
    }
}
