//! Method calls `Vm::step` completes without looking the method up, when
//! the receiver is what they expect: `x.unwrap()` of a `Some`/`Ok`,
//! `xs.append(v)` on a list in a local or module-level `var`, and
//! `tg.spawn(g(args))` on a TaskGroup (the task made straight from the
//! call). Each returns false, touching nothing, for anything else, and the
//! general method call runs.

use super::{FrameFn, Vm};
use crate::bytecode::{FuncProto, Place, PlaceRoot};
use crate::task_name::TaskName;
use crate::value::{Closure, Value};
use std::sync::Arc;

impl Vm {
    /// `x.unwrap()` with no arguments on a `Some`/`Ok` (on the stack, or in
    /// a local variable): the inner value, without a method lookup. False
    /// leaves everything to the general method call (other receivers, user
    /// methods named `unwrap`, errors).
    #[inline]
    pub(super) fn unwrap_in_place(
        &mut self,
        site: &crate::bytecode::MethodSite,
        proto: &FuncProto,
        base: usize,
    ) -> bool {
        if site.call.argc != 0 || !site.call.kwnames.is_empty() || !site.call.stars.is_empty() {
            return false;
        }
        match site.place.map(|p| &proto.places[p as usize]) {
            None => {
                let Some(top) = self.fiber.stack.last_mut() else { return false };
                match std::mem::take(top) {
                    Value::Ok(x) => {
                        *top = Arc::unwrap_or_clone(x);
                        true
                    }
                    other => match other.into_some_inner() {
                        Ok(x) => {
                            *top = x;
                            true
                        }
                        Err(other) => {
                            *top = other;
                            false
                        }
                    },
                }
            }
            Some(Place { root: PlaceRoot::Local(slot), steps, .. }) if steps.is_empty() => {
                let inner = match self.fiber.stack.get(base + *slot as usize) {
                    Some(Value::Ok(x)) => Some((**x).clone()),
                    Some(v) => v.some_inner(),
                    None => None,
                };
                match inner {
                    Some(v) => {
                        self.push(v);
                        true
                    }
                    None => false,
                }
            }
            Some(_) => false,
        }
    }
}

impl Vm {
    /// `xs.append(v)` on a List in a local `var` or a module-level `var`:
    /// pushes `v` onto it in place (copying the list first only if it is
    /// shared) and pops `v`; the caller provides the None result. False
    /// leaves everything to the general method call (other receivers, `let`
    /// bindings, deeper places, keyword arguments, errors).
    #[inline]
    pub(super) fn append_in_place(
        &mut self,
        site: &crate::bytecode::MethodSite,
        proto: &FuncProto,
        base: usize,
        globals: &super::Globals,
    ) -> bool {
        if site.call.argc != 1 || !site.call.kwnames.is_empty() || !site.call.stars.is_empty() {
            return false;
        }
        let slot = match site.place.map(|p| &proto.places[p as usize]) {
            Some(Place { root: PlaceRoot::Local(slot), steps, readonly: false, .. }) if steps.is_empty() => {
                base + *slot as usize
            }
            Some(Place { root: PlaceRoot::Global(g), steps, readonly: false, .. }) if steps.is_empty() => {
                return self.append_to_global(globals, *g as usize);
            }
            _ => return false,
        };
        if !matches!(self.fiber.stack.get(slot), Some(Value::List(_))) || self.fiber.stack.len() <= slot + 1 {
            return false;
        }
        let v = self.pop();
        if let Some(Value::List(xs)) = self.fiber.stack.get_mut(slot) {
            Arc::make_mut(xs).push(v);
        }
        true
    }

    /// `append_in_place` on the module-level `var` in global `g`, under
    /// the global's write lock.
    #[cold]
    fn append_to_global(&mut self, globals: &super::Globals, g: usize) -> bool {
        if self.fiber.stack.is_empty() {
            return false;
        }
        let mut v = Some(self.pop());
        globals.update(g, |slot| {
            if let Value::List(xs) = slot {
                if let Some(v) = v.take() {
                    Arc::make_mut(xs).push(v);
                }
            }
        });
        match v {
            None => return true,
            Some(v) => self.push(v), // not a List (or unset): the general call reports it
        }
        false
    }
}

impl Vm {
    /// `recv.spawn(g(a1..an))` with `g` the frozen async fn `f` and its `n`
    /// arguments on the stack: when the receiver (on the stack under the
    /// arguments, or in a local variable) is a TaskGroup, the task is made
    /// straight from the call, joins the group and replaces the arguments
    /// (and receiver) on the stack. False, touching nothing, for any other
    /// receiver: the caller makes the coroutine and the method call runs.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn spawn_into_group(
        &mut self,
        f: &Arc<Closure>,
        n: usize,
        site: &crate::bytecode::MethodSite,
        proto: &FuncProto,
        base: usize,
        name: TaskName,
    ) -> bool {
        let len = self.fiber.stack.len();
        let recv_at = match site.place.map(|p| &proto.places[p as usize]) {
            None if len > n => len - n - 1,
            Some(Place { root: PlaceRoot::Local(slot), steps, .. }) if steps.is_empty() => base + *slot as usize,
            _ => return false,
        };
        let is_group =
            |v: &Value| matches!(v, Value::Handle(h) if matches!(&**h, crate::handles::Handle::TaskGroup(_)));
        if self.ctx.is_none() || !self.fiber.stack.get(recv_at).is_some_and(is_group) {
            return false;
        }
        let args = self.pop_call_args(n);
        // The context and the group are borrowed, not cloned: the context's
        // count is shared by every worker.
        let Some(ctx) = &self.ctx else { return false };
        let task = ctx.fn_task((FrameFn::Global(Arc::as_ptr(f)), args, Vec::new()), name);
        if let Some(Value::Handle(h)) = self.fiber.stack.get(recv_at) {
            if let crate::handles::Handle::TaskGroup(children) = &**h {
                crate::handles::join_group(children, &task);
            }
        }
        ctx.queue(&task);
        if site.place.is_none() {
            self.pop();
        }
        self.push(Value::Task(task));
        true
    }
}
