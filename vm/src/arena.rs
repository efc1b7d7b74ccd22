//! Growing a thread's malloc arena in large steps (glibc on Linux).
//!
//! glibc gives each thread its own malloc arena and grows it as the memory
//! in use grows, one `mprotect` system call per growth of a page or so (its
//! main arena, which only the first thread uses, grows in larger steps). A
//! thread that builds up a lot of long-lived memory (200 000 coroutines or
//! task handles in a list, a big data structure) would make thousands of
//! those calls, each also taking the kernel's mmap lock that the other
//! worker's page faults need.
//!
//! So the allocator (`memory::CountingAlloc`) tells this module how much the
//! thread has allocated, net, and once that passes a step the thread grows
//! its arena at once: it allocates and frees blocks below the `mmap`
//! threshold up to the step's size. The freed pages go back to the kernel
//! (`madvise`) but the arena keeps them mapped writable, so later growth up
//! to that size costs no call. Small programs never reach the first step.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// (net bytes the thread allocated, how far its arena has been grown).
const STEPS: [(isize, usize); 2] = [(4 << 20, 32 << 20), (24 << 20, 60 << 20)];

/// A block below glibc's `mmap` threshold (128 KiB), so it comes from the arena.
const BLOCK: usize = 120 << 10;
const MAX_BLOCKS: usize = (60 << 20) / BLOCK + 1;

thread_local! {
    /// Net bytes this thread allocated, as flushed by `memory::account`.
    static GROWN: Cell<isize> = const { Cell::new(0) };
    /// How many of `STEPS` this thread has taken.
    static TAKEN: Cell<usize> = const { Cell::new(0) };
}

/// Counts `delta` more bytes allocated (net) by this thread; grows its arena
/// when that passes the next step.
pub(crate) fn note_growth(delta: isize) {
    if !cfg!(all(target_os = "linux", target_env = "gnu")) {
        return;
    }
    let _ = GROWN.try_with(|grown| {
        let now = grown.get() + delta;
        grown.set(now);
        let _ = TAKEN.try_with(|taken| {
            if let Some(&(at, size)) = STEPS.get(taken.get()) {
                if now >= at {
                    taken.set(taken.get() + 1);
                    grow_arena(size);
                }
            }
        });
    });
}

/// Allocates and frees `bytes` in `BLOCK`s straight from the system
/// allocator (never through the counting allocator: no recursion).
fn grow_arena(bytes: usize) {
    let Ok(layout) = Layout::from_size_align(BLOCK, 16) else { return };
    let mut blocks = [std::ptr::null_mut::<u8>(); MAX_BLOCKS];
    let n = (bytes / BLOCK).min(MAX_BLOCKS);
    for b in blocks.iter_mut().take(n) {
        // SAFETY: a nonzero-sized layout; the block is freed below.
        *b = unsafe { System.alloc(layout) };
    }
    for &b in blocks.iter().take(n).filter(|b| !b.is_null()) {
        // SAFETY: allocated above by `System` with this layout.
        unsafe { System.dealloc(b, layout) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each step is taken once, when the thread's net growth passes it, and
    /// growing the arena leaves the allocator working.
    #[test]
    fn each_step_is_taken_once_as_growth_passes_it() {
        if !cfg!(all(target_os = "linux", target_env = "gnu")) {
            return;
        }
        std::thread::spawn(|| {
            let taken = || TAKEN.with(Cell::get);
            note_growth(1 << 20);
            assert_eq!(taken(), 0, "a small program grows nothing");
            note_growth(3 << 20);
            assert_eq!(taken(), 1);
            note_growth(1 << 20);
            assert_eq!(taken(), 1, "a step is taken once");
            note_growth(-(8 << 20));
            note_growth(30 << 20);
            assert_eq!(taken(), 2);
            note_growth(200 << 20);
            assert_eq!(taken(), 2, "no step past the last");
            let v: Vec<u64> = (0..100_000).collect();
            assert_eq!(v.iter().sum::<u64>(), 4_999_950_000);
        })
        .join()
        .expect("the test thread");
    }
}
