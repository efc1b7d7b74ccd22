//! A per-thread cache of small freed blocks, in front of the system
//! allocator (`memory::CountingAlloc` uses it).
//!
//! Why: a work-stealing program frees on one worker much of what another
//! allocated (a task object made by its spawner and dropped where its
//! awaiter ends up, a list built on one worker and dropped on another).
//! glibc then takes the lock of the allocating thread's arena for each
//! such free once its own small per-thread cache (7 blocks a size) is
//! full, and the two workers queue on each other's arena locks: a
//! spawn-heavy program spent a fifth of its time in futex calls. Here a
//! freed block of up to `MAX_BLOCK` bytes goes on this thread's list for
//! its size class (no lock, no atomic), and the next allocation of that
//! class on this thread takes it back. Blocks that came from another
//! thread simply stay here and are reused here.
//!
//! Blocks are allocated from the system at their class size, so any block
//! of a class serves any request of it. Class sizes are glibc's usable
//! sizes (16·k + 8: a chunk of 16·(k+1) bytes less its 8-byte header), so
//! rounding a request up to its class never takes a larger chunk than the
//! request alone would. Each
//! class keeps at most `CLASS_BYTES` of free blocks; beyond that they go
//! back to the system. A thread that stops calls `flush` (the runtime's
//! workers and the blocking pool's threads do), returning its blocks.
//! The thread-local state has no destructor: registering one could itself
//! allocate, inside the allocator.
//!
//! Blocks aligned to a cache line (`LINE`: objects that many workers read,
//! such as a function's closure, aligned so that no other object shares
//! their lines) have classes of their own, 64·k bytes, since the system
//! serves them through its slower aligned path.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Size classes are this far apart (also the largest alignment served by
/// the plain classes).
const GRAIN: usize = 16;
/// Plain classes (alignment up to `GRAIN`).
const PLAIN: usize = 32;
/// A cache line: the alignment, and the spacing, of the line classes.
const LINE: usize = 64;
/// Line classes, after the plain ones: 64, 128, …, 512 bytes.
const LINES: usize = 8;
const CLASSES: usize = PLAIN + LINES;
/// The largest plain block cached (the last plain class's size).
pub const MAX_BLOCK: usize = class_size(PLAIN - 1);
/// Free bytes kept per class (so at most 32 × 64 KiB per thread).
const CLASS_BYTES: usize = 64 << 10;

struct Lists {
    /// Head of each class's free list (the next pointer is in the block's
    /// first word); null when empty.
    heads: [Cell<*mut u8>; CLASSES],
    counts: [Cell<u32>; CLASSES],
}

thread_local! {
    static LISTS: Lists = const {
        Lists {
            heads: [const { Cell::new(std::ptr::null_mut()) }; CLASSES],
            counts: [const { Cell::new(0) }; CLASSES],
        }
    };
}

/// The class of a layout this cache serves, or None (too large, or aligned
/// beyond a cache line).
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    if size == 0 {
        return None;
    }
    if layout.align() <= GRAIN {
        (size <= MAX_BLOCK).then(|| (size.saturating_sub(8).div_ceil(GRAIN).max(1) - 1).min(PLAIN - 1))
    } else {
        (layout.align() <= LINE && size <= LINE * LINES).then(|| PLAIN + size.div_ceil(LINE) - 1)
    }
}

/// The bytes of a block of `class`: 24, 40, 56, … for the plain classes,
/// 64, 128, … for the line classes.
const fn class_size(class: usize) -> usize {
    if class < PLAIN {
        (class + 1) * GRAIN + 8
    } else {
        (class - PLAIN + 1) * LINE
    }
}

#[inline]
fn class_layout(class: usize) -> Layout {
    let align = if class < PLAIN { GRAIN } else { LINE };
    // SAFETY: both alignments are powers of two and the size far below isize::MAX.
    unsafe { Layout::from_size_align_unchecked(class_size(class), align) }
}

#[inline]
fn max_count(class: usize) -> u32 {
    (CLASS_BYTES / class_size(class)) as u32
}

/// Allocates `layout` (null on failure, as `GlobalAlloc::alloc`).
///
/// # Safety
/// As `GlobalAlloc::alloc`.
#[inline]
pub unsafe fn alloc(layout: Layout) -> *mut u8 {
    let Some(class) = class_of(layout) else { return System.alloc(layout) };
    let cached = LISTS.try_with(|l| {
        let head = l.heads[class].get();
        if head.is_null() {
            return head;
        }
        // SAFETY: a block on the list holds the next pointer in its first word.
        l.heads[class].set(unsafe { (head as *mut *mut u8).read() });
        l.counts[class].set(l.counts[class].get() - 1);
        head
    });
    match cached {
        Ok(p) if !p.is_null() => p,
        _ => System.alloc(class_layout(class)),
    }
}

/// Frees `ptr`, allocated by this module's `alloc` with `layout`.
///
/// # Safety
/// As `GlobalAlloc::dealloc`.
#[inline]
pub unsafe fn dealloc(ptr: *mut u8, layout: Layout) {
    let Some(class) = class_of(layout) else { return System.dealloc(ptr, layout) };
    let kept = LISTS.try_with(|l| {
        if l.counts[class].get() >= max_count(class) {
            return false;
        }
        // SAFETY: the block is at least GRAIN bytes, aligned to GRAIN, and ours.
        unsafe { (ptr as *mut *mut u8).write(l.heads[class].get()) };
        l.heads[class].set(ptr);
        l.counts[class].set(l.counts[class].get() + 1);
        true
    });
    if kept != Ok(true) {
        System.dealloc(ptr, class_layout(class));
    }
}

/// Resizes a block of this module's `alloc`.
///
/// # Safety
/// As `GlobalAlloc::realloc`.
pub unsafe fn realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    // SAFETY (here and below): the caller's guarantees of GlobalAlloc::realloc.
    let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
    match (class_of(layout), class_of(new_layout)) {
        // Neither is ours: the system resizes in place when it can.
        (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
        // Same class: the block already has the room.
        (Some(a), Some(b)) if a == b => ptr,
        _ => {
            let new = unsafe { alloc(new_layout) };
            if !new.is_null() {
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    dealloc(ptr, layout);
                }
            }
            new
        }
    }
}

/// Returns this thread's cached blocks to the system (a thread that stops).
pub fn flush() {
    let _ = LISTS.try_with(|l| {
        for class in 0..CLASSES {
            let mut p = l.heads[class].replace(std::ptr::null_mut());
            l.counts[class].set(0);
            while !p.is_null() {
                // SAFETY: every block on the list is ours, with its next pointer.
                unsafe {
                    let next = (p as *mut *mut u8).read();
                    System.dealloc(p, class_layout(class));
                    p = next;
                }
            }
        }
    });
}

/// Blocks cached on this thread (for tests).
pub fn cached() -> usize {
    LISTS.try_with(|l| l.counts.iter().map(|c| c.get() as usize).sum()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, 8).expect("layout")
    }

    #[test]
    fn a_freed_block_is_reused_for_its_class_and_flushed() {
        flush();
        unsafe {
            let a = alloc(layout(200));
            a.write_bytes(0xAB, 200);
            dealloc(a, layout(200));
            assert_eq!(cached(), 1);
            // 185..=200 share a class: the same block comes back.
            let b = alloc(layout(185));
            assert_eq!(a, b);
            assert_eq!(cached(), 0);
            dealloc(b, layout(185));
        }
        flush();
        assert_eq!(cached(), 0);
    }

    #[test]
    fn classes_are_glibc_usable_sizes_and_cover_every_size() {
        let mut last = 0;
        for size in 1..=MAX_BLOCK {
            let class = class_of(layout(size)).expect("a small size has a class");
            assert!(class_size(class) >= size, "{size} fits its class");
            assert!(class == 0 || class_size(class - 1) < size, "{size} takes the smallest class");
            assert!(class >= last);
            last = class;
        }
        assert_eq!(class_size(0), 24);
        assert_eq!(class_of(layout(MAX_BLOCK + 1)), None);
        assert_eq!(class_of(Layout::from_size_align(64, 128).expect("layout")), None);
    }

    #[test]
    fn line_aligned_blocks_have_their_own_classes() {
        let lined = |size| Layout::from_size_align(size, LINE).expect("layout");
        for size in 1..=LINE * LINES {
            let class = class_of(lined(size)).expect("a small aligned size has a class");
            assert!(class >= PLAIN);
            assert!(class_size(class) >= size && class_size(class) - size < LINE);
            assert_eq!(class_layout(class).align(), LINE);
        }
        assert_eq!(class_of(lined(LINE * LINES + 1)), None);
        flush();
        unsafe {
            let a = alloc(lined(100));
            assert_eq!(a as usize % LINE, 0);
            dealloc(a, lined(100));
            // A plain request of the same size never takes the aligned block.
            let b = alloc(layout(100));
            assert_ne!(a, b);
            let c = alloc(lined(128));
            assert_eq!(a, c);
            dealloc(c, lined(128));
            dealloc(b, layout(100));
        }
        flush();
        assert_eq!(cached(), 0);
    }

    #[test]
    fn each_class_keeps_a_bounded_number_of_blocks() {
        flush();
        let l = layout(MAX_BLOCK);
        unsafe {
            let blocks: Vec<*mut u8> = (0..1000).map(|_| alloc(l)).collect();
            for p in blocks {
                dealloc(p, l);
            }
        }
        assert_eq!(cached(), max_count(PLAIN - 1) as usize);
        flush();
    }

    #[test]
    fn realloc_keeps_the_contents_across_classes_and_to_the_system() {
        flush();
        unsafe {
            let mut p = alloc(layout(24));
            for i in 0..24u8 {
                p.add(i as usize).write(i);
            }
            // Within the class, then a larger class, then past MAX_BLOCK and back.
            for (old, new) in [(24, 30), (30, 300), (300, 4000), (4000, 100)] {
                p = realloc(p, layout(old), new);
                assert!(!p.is_null());
                for i in 0..24u8 {
                    assert_eq!(p.add(i as usize).read(), i, "{old} -> {new}");
                }
            }
            dealloc(p, layout(100));
        }
        flush();
    }

    #[test]
    fn blocks_freed_by_another_thread_are_reused_there() {
        flush();
        let l = layout(64);
        let blocks: Vec<usize> = (0..100).map(|_| unsafe { alloc(l) } as usize).collect();
        let handle = std::thread::spawn(move || {
            for p in &blocks {
                unsafe { dealloc(*p as *mut u8, l) };
            }
            let n = cached();
            let again: Vec<usize> = (0..100).map(|_| unsafe { alloc(l) } as usize).collect();
            let reused = again.iter().filter(|p| blocks.contains(p)).count();
            for p in again {
                unsafe { dealloc(p as *mut u8, l) };
            }
            flush();
            (n, reused)
        });
        let (n, reused) = handle.join().expect("thread");
        assert_eq!(n, 100);
        assert_eq!(reused, 100);
    }
}
