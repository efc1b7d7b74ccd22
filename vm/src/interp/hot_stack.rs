//! The value stack as the hot loop (`run.rs`) holds it: the buffer, length
//! and capacity of the fiber's `Vec<Value>` in locals, which the compiler
//! keeps in registers. Through the `Vec` itself, every push and pop stores
//! the length to memory and the next instruction loads it back: a chain of
//! store-forwarding waits through the whole loop.
//!
//! Protocol: `HotStack::of` takes the vector's state; from then on only the
//! `HotStack` touches the vector's elements, until `give_back` writes the
//! length back. Anything else that uses the stack (a helper taking `&mut
//! Vm`, an exit from the loop) runs between a `give_back` and a new `of`.
//! No operation here panics.

use crate::value::Value;
use std::sync::Arc;

pub(crate) struct HotStack {
    ptr: *mut Value,
    len: usize,
    cap: usize,
}

impl HotStack {
    /// Takes over `stack`'s elements (see the module comment).
    #[inline(always)]
    pub(crate) fn of(stack: &mut Vec<Value>) -> HotStack {
        HotStack { ptr: stack.as_mut_ptr(), len: stack.len(), cap: stack.capacity() }
    }

    /// Hands the elements back to `stack`, the vector `of` was given.
    #[inline(always)]
    pub(crate) fn give_back(&self, stack: &mut Vec<Value>) {
        debug_assert!(self.len <= stack.capacity() && std::ptr::eq(self.ptr, stack.as_mut_ptr()));
        // SAFETY: `of(stack)` took this buffer, and every slot below `len`
        // is initialised (each push writes its slot before counting it).
        unsafe { stack.set_len(self.len) }
    }

    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> Option<&Value> {
        // SAFETY: slots below `len` are initialised.
        (i < self.len).then(|| unsafe { &*self.ptr.add(i) })
    }

    #[inline(always)]
    pub(crate) fn get_mut(&mut self, i: usize) -> Option<&mut Value> {
        // SAFETY: slots below `len` are initialised.
        (i < self.len).then(|| unsafe { &mut *self.ptr.add(i) })
    }

    /// The `n` values on top (empty when there are fewer).
    #[inline(always)]
    pub(crate) fn top_n(&self, n: usize) -> &[Value] {
        match self.len.checked_sub(n) {
            // SAFETY: slots `len - n .. len` are initialised.
            Some(from) => unsafe { std::slice::from_raw_parts(self.ptr.add(from), n) },
            None => &[],
        }
    }

    /// Pushes the value `make` builds, growing the buffer through `stack`
    /// (the vector `of` was given) when it is full. The value is built
    /// after the growth check, straight into its slot: built before, it
    /// would be spilled around the (cold) growth call and copied from the
    /// spill, a reload that waits on store forwarding.
    #[inline(always)]
    pub(crate) fn push_with(&mut self, stack: &mut Vec<Value>, make: impl FnOnce() -> Value) {
        if self.len == self.cap {
            (self.ptr, self.cap) = grow(stack, self.len);
        }
        // SAFETY: `len < cap`: the slot is allocated and not initialised.
        unsafe { self.ptr.add(self.len).write(make()) };
        self.len += 1;
    }

    /// Drops the top value (a scalar without a call).
    #[inline(always)]
    pub(crate) fn drop_top(&mut self) {
        if let Some(to) = self.len.checked_sub(1) {
            self.cut(to);
        }
    }

    /// Replaces the top two values, both scalars, with the scalar `v` (a
    /// binary operator's result; nothing is dropped).
    #[inline(always)]
    pub(crate) fn fold_top_two(&mut self, v: Value) {
        if let Some(at) = self.len.checked_sub(2) {
            self.overwrite_scalar(at, v);
            self.len = at + 1;
        }
    }

    /// Writes `v` at `i` (below `len`) without dropping the value there:
    /// for replacing a scalar (any other value would leak).
    #[inline(always)]
    pub(crate) fn overwrite_scalar(&mut self, i: usize, v: Value) {
        if i < self.len {
            // SAFETY: the slot is allocated; its old value is a scalar,
            // which needs no drop.
            unsafe { self.ptr.add(i).write(v) };
        }
    }

    /// Moves the top `n` values up one and puts `v` under them.
    #[inline(always)]
    pub(crate) fn insert_under(&mut self, stack: &mut Vec<Value>, n: usize, v: Value) {
        let Some(at) = self.len.checked_sub(n) else { return };
        if self.len == self.cap {
            (self.ptr, self.cap) = grow(stack, self.len);
        }
        // SAFETY: `len < cap`; slots `at..len` move up one (into the free
        // slot `len`) and `v` goes into the vacated slot `at`.
        unsafe {
            self.shift_up(at, n);
            self.ptr.add(at).write(v);
        }
        self.len += 1;
    }

    /// `insert_under` of a bitwise copy of the value at `from`, which must
    /// be below the top `n`.
    ///
    /// # Safety
    /// The copy owns no reference: it must be forgotten (`forget`), never
    /// dropped, and the value at `from` must outlive it.
    #[inline(always)]
    pub(crate) unsafe fn insert_copy_under(&mut self, stack: &mut Vec<Value>, n: usize, from: usize) {
        let Some(at) = self.len.checked_sub(n) else { return };
        debug_assert!(from < at);
        if self.len == self.cap {
            (self.ptr, self.cap) = grow(stack, self.len);
        }
        // SAFETY: as in `insert_under`; slot `from` is initialised and not
        // among the moved ones. The copy is one 16-byte move (a `Value`
        // read into a local is copied field by field, and reading it back
        // stalls on store forwarding).
        unsafe {
            self.shift_up(at, n);
            std::ptr::copy_nonoverlapping(self.ptr.add(from), self.ptr.add(at), 1);
        }
        self.len += 1;
    }

    /// Moves slots `at..at + n` up one. One or two values as plain moves
    /// (highest first, each as `move_value` does): `ptr::copy` with a
    /// length calls memmove.
    ///
    /// # Safety
    /// `at + n == len < cap`.
    #[inline(always)]
    unsafe fn shift_up(&mut self, at: usize, n: usize) {
        let p = self.ptr;
        unsafe {
            match n {
                0 => {}
                1 => move_value(p.add(at), p.add(at + 1)),
                2 => {
                    move_value(p.add(at + 1), p.add(at + 2));
                    move_value(p.add(at), p.add(at + 1));
                }
                _ => std::ptr::copy(p.add(at), p.add(at + 1), n),
            }
        }
    }

    /// Moves the top value into slot `at` (below it), dropping the value
    /// that was there; false, touching nothing, when `at` is not below the
    /// top. Nothing is read or written as a whole 16-byte `Value` through a
    /// local: an Int moves as a tag and a payload (it was likely pushed
    /// moments ago that way, and a 16-byte load of it would wait for both
    /// stores), anything else as one 16-byte copy.
    #[inline(always)]
    pub(crate) fn store_top(&mut self, at: usize) -> bool {
        self.store_top_within(at, |v| Some(v))
    }

    /// `store_top` into the value `find` picks inside the one at `at` (a
    /// field of a struct the slot alone holds); false, touching nothing,
    /// when it picks none or `at` is not below the top.
    #[inline(always)]
    pub(crate) fn store_top_within(&mut self, at: usize, find: impl FnOnce(&mut Value) -> Option<&mut Value>) -> bool {
        let Some(top) = self.len.checked_sub(1) else { return false };
        if at >= top {
            return false;
        }
        // SAFETY: `at < top < len`: the slot is initialised, and `find`
        // returns it or a value inside it (in its heap), never the top's
        // slot. The old value there is dropped once; the top is moved out
        // exactly once (it is no longer counted after `len = top`).
        unsafe {
            let Some(dst) = find(&mut *self.ptr.add(at)) else { return false };
            let (dst, src) = (dst as *mut Value, self.ptr.add(top));
            if !is_scalar(&*dst) {
                dst.drop_in_place();
            }
            move_value(src, dst);
        }
        self.len = top;
        true
    }

    /// Moves the value in slot `at` (below the top) onto the top, leaving
    /// None in the slot (`Op::Take`); false, touching nothing, when `at` is
    /// not a slot.
    #[inline(always)]
    pub(crate) fn take_slot(&mut self, stack: &mut Vec<Value>, at: usize) -> bool {
        if at >= self.len {
            return false;
        }
        if self.len == self.cap {
            (self.ptr, self.cap) = grow(stack, self.len);
        }
        // SAFETY: `at < len < cap`: the slot is initialised; its value moves
        // to the free slot at `len` and the slot gets a scalar in its place.
        unsafe {
            move_value(self.ptr.add(at), self.ptr.add(self.len));
            self.ptr.add(at).write(Value::None);
        }
        self.len += 1;
        true
    }

    /// Moves the top value onto the end of the list in slot `at` (below the
    /// top) and leaves None in its place (`xs.append(v)` and its result),
    /// when that slot holds a list no other value shares; false, touching
    /// nothing, otherwise (a shared list is copied first: the slow way).
    #[inline(always)]
    pub(crate) fn append_top_to_list(&mut self, at: usize) -> bool {
        let Some(top) = self.len.checked_sub(1) else { return false };
        if at >= top {
            return false;
        }
        // SAFETY: `at < top < len`: both slots are initialised and distinct.
        // The top is read out once and its slot overwritten with a scalar
        // (so it is neither dropped nor counted twice).
        unsafe {
            let Value::List(xs) = &mut *self.ptr.add(at) else { return false };
            let Some(items) = Arc::get_mut(xs) else { return false };
            let src = self.ptr.add(top);
            items.push(src.read());
            src.write(Value::None);
        }
        true
    }

    /// Moves the top value onto the end of the list in slot `at` (below the
    /// top), popping it (a comprehension's element into its accumulator);
    /// false, touching nothing, when that slot holds no list only it holds.
    #[inline(always)]
    pub(crate) fn pop_onto_list(&mut self, at: usize) -> bool {
        if !self.append_top_to_list(at) {
            return false;
        }
        // The top is now the None `append_top_to_list` left: no drop.
        self.len -= 1;
        true
    }

    /// Drops the values above `to`, without a call for the scalars that
    /// make up most of a returning frame.
    #[inline(always)]
    pub(crate) fn cut(&mut self, to: usize) {
        while self.len > to {
            self.len -= 1;
            // SAFETY: the slot was initialised and is no longer counted, so
            // its value is dropped exactly once (a scalar needs no drop:
            // only its tag is read).
            unsafe {
                let slot = self.ptr.add(self.len);
                if !is_scalar(&*slot) {
                    slot.drop_in_place();
                }
            }
        }
    }

    /// Replaces the value at `i` with None without dropping it (a lent
    /// value: a bitwise copy that owns no reference).
    #[inline(always)]
    pub(crate) fn forget(&mut self, i: usize) {
        if i < self.len {
            // SAFETY: the slot is initialised; its value is overwritten
            // without being dropped, as a lent value must be.
            unsafe { self.ptr.add(i).write(Value::None) };
        }
    }

    /// Swaps the values at `i` and `j` (both below `len`).
    #[inline(always)]
    pub(crate) fn swap(&mut self, i: usize, j: usize) {
        if i < self.len && j < self.len {
            // SAFETY: both slots are initialised; `ptr::swap` allows i == j.
            unsafe { std::ptr::swap(self.ptr.add(i), self.ptr.add(j)) };
        }
    }
}

/// Moves the value at `src` to `dst` bitwise (the caller makes sure it is
/// owned once). An Int or a Float moves as a tag and a payload: it was likely pushed
/// moments ago that way (an argument, a result), and a 16-byte load of it
/// would wait for both stores to land; anything else is one 16-byte copy.
///
/// # Safety
/// `src` is initialised, `dst` is allocated, and they do not overlap.
#[inline(always)]
unsafe fn move_value(src: *const Value, dst: *mut Value) {
    unsafe {
        match *src {
            Value::Int(i) => dst.write(Value::Int(i)),
            Value::Float(f) => dst.write(Value::Float(f)),
            _ => std::ptr::copy_nonoverlapping(src, dst, 1),
        }
    }
}

/// A value that needs no drop.
#[inline(always)]
fn is_scalar(v: &Value) -> bool {
    v.owns_nothing()
}

/// Grows the buffer of `stack`, whose first `len` slots are initialised
/// (the `HotStack`'s length), returning the new buffer and capacity. Takes
/// no `&mut HotStack`, so the hot loop's copy can stay in registers.
#[cold]
#[inline(never)]
fn grow(stack: &mut Vec<Value>, len: usize) -> (*mut Value, usize) {
    // SAFETY: the first `len` slots are initialised (see `give_back`).
    unsafe { stack.set_len(len) };
    stack.reserve(len.max(16));
    (stack.as_mut_ptr(), stack.capacity())
}

#[cfg(test)]
mod tests {
    use super::HotStack;
    use crate::value::Value;
    use std::sync::Arc;

    fn ints(stack: &[Value]) -> Vec<i64> {
        stack.iter().map(|v| if let Value::Int(i) = v { *i } else { -1 }).collect()
    }

    #[test]
    fn pushes_past_capacity_grow_and_keep_every_value() {
        let mut stack: Vec<Value> = Vec::with_capacity(2);
        let mut hs = HotStack::of(&mut stack);
        for i in 0..100 {
            hs.push_with(&mut stack, || Value::Int(i));
        }
        assert_eq!(hs.get(99).map(|v| matches!(v, Value::Int(99))), Some(true));
        assert!(hs.get(100).is_none());
        hs.give_back(&mut stack);
        assert_eq!(ints(&stack), (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn store_top_and_drop_top_release_what_they_remove() {
        let shared = Arc::new(vec![Value::Int(1)]);
        let mut stack = vec![Value::Int(0)];
        let mut hs = HotStack::of(&mut stack);
        for _ in 0..3 {
            hs.push_with(&mut stack, || Value::List(shared.clone()));
        }
        hs.push_with(&mut stack, || Value::Int(7));
        assert_eq!(Arc::strong_count(&shared), 4);
        assert!(hs.store_top(3), "the 7 replaces the top List");
        assert_eq!(Arc::strong_count(&shared), 3);
        assert!(matches!(hs.get(3), Some(Value::Int(7))));
        assert!(!hs.store_top(3), "not below the top");
        hs.drop_top();
        hs.drop_top();
        assert_eq!(Arc::strong_count(&shared), 2);
        assert!(hs.store_top(0), "the List moves into slot 0");
        assert_eq!(Arc::strong_count(&shared), 2);
        hs.give_back(&mut stack);
        assert_eq!(stack.len(), 1);
        drop(stack);
        assert_eq!(Arc::strong_count(&shared), 1);
    }

    #[test]
    fn append_top_to_list_moves_the_top_into_an_unshared_list_only() {
        let item = Arc::new(vec![Value::Int(5)]);
        let mut stack = vec![Value::List(Arc::new(Vec::new())), Value::Int(0)];
        let mut hs = HotStack::of(&mut stack);
        hs.push_with(&mut stack, || Value::List(item.clone()));
        assert!(hs.append_top_to_list(0));
        assert!(matches!(hs.get(2), Some(Value::None)), "the call's result replaces the argument");
        assert_eq!(Arc::strong_count(&item), 2, "moved, not copied");
        assert!(!hs.append_top_to_list(2), "not below the top");
        assert!(!hs.append_top_to_list(1), "not a list");
        hs.give_back(&mut stack);
        let Value::List(xs) = &stack[0] else { panic!("slot 0 is the list") };
        assert!(matches!(xs.as_slice(), [Value::List(_)]));
        let shared = stack[0].clone();
        let mut hs = HotStack::of(&mut stack);
        hs.push_with(&mut stack, || Value::Int(9));
        assert!(!hs.append_top_to_list(0), "a shared list is left to the copying path");
        hs.give_back(&mut stack);
        assert_eq!(stack.len(), 4);
        drop(shared);
        drop(stack);
        assert_eq!(Arc::strong_count(&item), 1);
    }

    #[test]
    fn pop_onto_list_pops_what_it_appends() {
        let mut stack = vec![Value::List(Arc::new(Vec::new()))];
        let mut hs = HotStack::of(&mut stack);
        hs.push_with(&mut stack, || Value::str("x".to_string()));
        assert!(hs.pop_onto_list(0));
        assert!(!hs.pop_onto_list(0), "nothing above the list");
        hs.give_back(&mut stack);
        assert_eq!(stack.len(), 1);
        let Value::List(xs) = &stack[0] else { panic!("slot 0 is the list") };
        assert!(matches!(xs.as_slice(), [Value::Str(_)]));
    }

    #[test]
    fn take_slot_moves_a_value_to_the_top_leaving_none() {
        let shared = Arc::new(vec![Value::Int(1), Value::Int(2)]);
        let mut stack: Vec<Value> = vec![Value::Tuple(shared.clone())];
        stack.shrink_to_fit(); // full: the take must grow
        let mut hs = HotStack::of(&mut stack);
        assert!(hs.take_slot(&mut stack, 0));
        assert!(matches!(hs.get(0), Some(Value::None)));
        assert!(matches!(hs.get(1), Some(Value::Tuple(_))));
        assert!(!hs.take_slot(&mut stack, 2), "not a slot");
        assert_eq!(Arc::strong_count(&shared), 2, "moved, not copied");
        hs.give_back(&mut stack);
        drop(stack);
        assert_eq!(Arc::strong_count(&shared), 1);
    }

    #[test]
    fn insert_under_moves_the_top_values_up() {
        for n in 0..4 {
            let mut stack: Vec<Value> = (0..5).map(Value::Int).collect();
            stack.shrink_to_fit(); // full: the insert must grow
            let mut hs = HotStack::of(&mut stack);
            hs.insert_under(&mut stack, n, Value::Int(-7));
            hs.give_back(&mut stack);
            let mut want: Vec<i64> = (0..5).collect();
            want.insert(5 - n, -7);
            assert_eq!(ints(&stack), want, "n = {n}");
        }
    }

    #[test]
    fn a_lent_copy_is_forgotten_not_dropped() {
        let shared = Arc::new(vec![Value::Int(1)]);
        let mut stack = vec![Value::List(shared.clone()), Value::Int(5)];
        let mut hs = HotStack::of(&mut stack);
        // SAFETY: the copy is forgotten below, and slot 0 outlives it.
        unsafe { hs.insert_copy_under(&mut stack, 1, 0) };
        assert_eq!(Arc::strong_count(&shared), 2, "a bitwise copy takes no reference");
        assert!(matches!(hs.get(1), Some(Value::List(_))));
        assert!(matches!(hs.get(2), Some(Value::Int(5))));
        hs.forget(1);
        hs.cut(1);
        hs.give_back(&mut stack);
        assert_eq!(Arc::strong_count(&shared), 2);
        assert_eq!(stack.len(), 1);
        drop(stack);
        assert_eq!(Arc::strong_count(&shared), 1);
    }

    #[test]
    fn top_n_swap_and_fold_stay_inside_the_stack() {
        let mut stack: Vec<Value> = (0..3).map(Value::Int).collect();
        let mut hs = HotStack::of(&mut stack);
        assert_eq!(hs.top_n(2).len(), 2);
        assert!(hs.top_n(4).is_empty());
        hs.swap(0, 2);
        hs.swap(0, 9); // out of range: nothing
        hs.overwrite_scalar(1, Value::Bool(true));
        hs.push_with(&mut stack, || Value::Int(9));
        hs.fold_top_two(Value::Int(1)); // the Int 0 and 9 become 1
        hs.give_back(&mut stack);
        assert!(matches!(stack[..], [Value::Int(2), Value::Bool(true), Value::Int(1)]));
    }
}
