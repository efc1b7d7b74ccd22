//! The name of a task or a coroutine: one given at spawn, or that of the
//! function it runs. A function held by a frozen global (or a pinned
//! struct's method) lends its name: two workers spawning the same function
//! would otherwise bounce the name's reference count between them on every
//! task, as they would the closure's (see `FrameFn::Global`).

use crate::interp::FrameFn;
use crate::value::Closure;
use std::ptr::NonNull;
use std::sync::Arc;

/// A task's or coroutine's name (16 bytes, as an `Option<Arc<str>>`).
pub enum TaskName {
    Given(Arc<str>),
    /// The name of the function in this closure, lent as `FrameFn::Global`
    /// lends the closure itself: the program's globals, which hold it,
    /// outlive every task (a task holds its `RtCtx`, which holds them) and
    /// every value of the program. `None`: unnamed (`task-<id>`).
    Of(Option<NonNull<Closure>>),
}

// SAFETY: the pointer is a shared borrow of a `Closure` (Send + Sync) kept
// alive as described on `Of`.
unsafe impl Send for TaskName {}
unsafe impl Sync for TaskName {}

impl TaskName {
    pub fn unnamed() -> TaskName {
        TaskName::Of(None)
    }

    /// A given name, or none.
    pub fn given(name: Option<Arc<str>>) -> TaskName {
        name.map_or(TaskName::Of(None), TaskName::Given)
    }

    /// The name of the function `f` runs: lent for a frozen global's,
    /// shared (counted) otherwise.
    pub fn of_fn(f: &FrameFn) -> TaskName {
        match f {
            FrameFn::Global(p) => TaskName::Of(NonNull::new(p.cast_mut())),
            FrameFn::Owned(c) => TaskName::Given(c.proto.name.clone()),
        }
    }

    pub fn get(&self) -> Option<&str> {
        match self {
            TaskName::Given(n) => Some(n),
            // SAFETY: see `Of`.
            TaskName::Of(Some(c)) => Some(&unsafe { c.as_ref() }.proto.name),
            TaskName::Of(None) => None,
        }
    }

    /// The name as a string of its own (for a task made elsewhere).
    pub fn to_arc(&self) -> Option<Arc<str>> {
        match self {
            TaskName::Given(n) => Some(n.clone()),
            // SAFETY: see `Of`.
            TaskName::Of(Some(c)) => Some(unsafe { c.as_ref() }.proto.name.clone()),
            TaskName::Of(None) => None,
        }
    }
}

impl Clone for TaskName {
    fn clone(&self) -> TaskName {
        match self {
            TaskName::Given(n) => TaskName::Given(n.clone()),
            TaskName::Of(c) => TaskName::Of(*c),
        }
    }
}

impl std::fmt::Debug for TaskName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.get())
    }
}

impl std::fmt::Display for TaskName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get().unwrap_or("?"))
    }
}

#[cfg(test)]
mod tests {
    use super::TaskName;

    #[test]
    fn a_task_name_is_as_small_as_an_optional_string() {
        assert_eq!(std::mem::size_of::<TaskName>(), 16);
        assert_eq!(TaskName::given(Some("w".into())).get(), Some("w"));
        assert_eq!(TaskName::given(None).get(), None);
    }
}
