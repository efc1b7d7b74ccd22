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
    /// (highest first): `ptr::copy` with a length calls memmove.
    ///
    /// # Safety
    /// `at + n == len < cap`.
    #[inline(always)]
    unsafe fn shift_up(&mut self, at: usize, n: usize) {
        let p = self.ptr;
        unsafe {
            match n {
                0 => {}
                1 => std::ptr::copy_nonoverlapping(p.add(at), p.add(at + 1), 1),
                2 => {
                    std::ptr::copy_nonoverlapping(p.add(at + 1), p.add(at + 2), 1);
                    std::ptr::copy_nonoverlapping(p.add(at), p.add(at + 1), 1);
                }
                _ => std::ptr::copy(p.add(at), p.add(at + 1), n),
            }
        }
    }

    /// Removes and returns the top value.
    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Option<Value> {
        let last = self.len.checked_sub(1)?;
        self.len = last;
        // SAFETY: slot `last` was initialised and is no longer counted, so
        // the value moves out exactly once.
        Some(unsafe { self.ptr.add(last).read() })
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
                if !matches!(*slot, Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Unit) {
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
