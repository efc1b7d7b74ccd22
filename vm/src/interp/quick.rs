//! The in-place cases of instructions the hot loop (run.rs) runs without
//! `step` but out of line: building a struct or calling a builtin with a
//! fast case, indexing, unpacking, the next pair of `enumerate`/`items`.
//! Each works on the fiber's stack (the loop hands it back around the call,
//! `out!`) and returns false (None), touching nothing, when its case does
//! not apply; the instruction then runs in `step` by the general rules.
//! Kept out of `run_frames` so that function's registers stay on the
//! dispatch and the call path (inlined, these arms spilled the code pointer
//! of every instruction).

use super::call::plain_memberwise;
use super::Vm;
use crate::builtins::fast::{fast_native, index};
use crate::types::TypeInfo;
use crate::value::{StructObj, Value};
use std::sync::Arc;

impl Vm {
    /// `Call(n)` of a builtin with a fast case for its arguments
    /// (builtins/fast.rs), or of a struct type given every field in order
    /// with its declared type (`P(x, y)`): the value replaces the call.
    #[inline(never)]
    pub(crate) fn call_in_place(&mut self, n: usize) -> bool {
        let stack = &mut self.fiber.stack;
        let Some(callee_at) = stack.len().checked_sub(n + 1) else { return false };
        let args = &stack[callee_at + 1..];
        let v = match &stack[callee_at] {
            Value::Native(i) => match fast_native(*i).and_then(|f| f(args)) {
                Some(v) => v,
                None => return false,
            },
            Value::Type(t) => match &**t {
                TypeInfo::Struct(st) if plain_memberwise(st, args) => {
                    let ty = st.clone();
                    let fields = stack.split_off(callee_at + 1);
                    Value::Struct(Arc::new(StructObj { ty, fields }))
                }
                _ => return false,
            },
            _ => return false,
        };
        stack.truncate(callee_at);
        stack.push(v);
        true
    }

    /// `Index`: `xs[i]` of a list or tuple in range, `d[k]` of a key the
    /// dict holds.
    #[inline(never)]
    pub(crate) fn index_in_place(&mut self) -> bool {
        let stack = &mut self.fiber.stack;
        let Some(at) = stack.len().checked_sub(2) else { return false };
        let Some(v) = index(&stack[at], &stack[at + 1]) else { return false };
        stack.truncate(at);
        stack.push(v);
        true
    }

    /// `IndexLocal`: as `index_in_place`, the container read in slot `at`.
    #[inline(never)]
    pub(crate) fn index_local_in_place(&mut self, at: usize) -> bool {
        let stack = &mut self.fiber.stack;
        let (Some(obj), Some(idx)) = (stack.get(at), stack.last()) else { return false };
        let Some(v) = index(obj, idx) else { return false };
        if let Some(top) = stack.last_mut() {
            *top = v;
        }
        true
    }

    /// `Unpack(n)` of a tuple or list of exactly `n` items: its items, in
    /// order, replace it (moved out when nothing else shares it).
    #[inline(never)]
    pub(crate) fn unpack_in_place(&mut self, n: usize) -> bool {
        let stack = &mut self.fiber.stack;
        if !matches!(stack.last(), Some(Value::Tuple(xs) | Value::List(xs)) if xs.len() == n) {
            return false;
        }
        if let Some(Value::Tuple(xs) | Value::List(xs)) = stack.pop() {
            stack.extend(Arc::unwrap_or_clone(xs));
        }
        true
    }

    /// `ForIter` of an `enumerate`/`items` iterator in slot `at`: its next
    /// pair pushed as two values when `unpack` (the loop's target is a pair,
    /// the `Unpack(2)` is skipped), as a tuple otherwise. Some(true) when a
    /// pair was pushed, Some(false) when the iterator is done, None when it
    /// is not a pair iterator.
    #[inline(never)]
    pub(crate) fn next_pair_in_place(&mut self, at: usize, unpack: bool) -> Option<bool> {
        let stack = &mut self.fiber.stack;
        let Some(Value::Iter(state)) = stack.get_mut(at) else { return None };
        let Some((a, b)) = state.next_pair()? else { return Some(false) };
        if unpack {
            stack.push(a);
            stack.push(b);
        } else {
            stack.push(Value::tuple(vec![a, b]));
        }
        Some(true)
    }
}
