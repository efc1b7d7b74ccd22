//! Memory accounting for `--max-memory`: a program that grows a string, a
//! list or its number of tasks without bound ends with a `MemoryError` (and
//! a traceback) instead of the machine's OOM killer or an allocation abort.
//!
//! `CountingAlloc` is the binary's global allocator: it forwards to the
//! system allocator (through a per-thread cache of small blocks,
//! `crate::block_cache`) and counts the bytes in use. Each thread keeps its own
//! running difference and adds it to the shared total only when it passes
//! `FLUSH` bytes either way, so the shared counter's cache line is not
//! written on every allocation (the total is right to within `FLUSH` per
//! thread). Nothing is refused inside the allocator (it cannot fail
//! gracefully); the limit is enforced where a task can take an error:
//! - a task that has used up its time slice checks the total before it goes
//!   on (`over_limit`), so every loop that allocates is caught within one
//!   slice;
//! - operations that make one large value from a size the program chose
//!   (`"x" * n`, `[0] * n`) check that size first (`reserve`).
//!
//! Without the allocator installed (the library's own unit tests) the total
//! stays 0 and no limit ever applies.

use crate::error::Thrown;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};

static IN_USE: AtomicIsize = AtomicIsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
const FLUSH: isize = 256 << 10;

thread_local! {
    static LOCAL: Cell<isize> = const { Cell::new(0) };
}

#[inline]
fn account(delta: isize) {
    let local = LOCAL.try_with(|c| {
        let v = c.get() + delta;
        if v.abs() >= FLUSH {
            IN_USE.fetch_add(v, Ordering::Relaxed);
            c.set(0);
            crate::arena::note_growth(v);
        } else {
            c.set(v);
        }
    });
    if local.is_err() {
        // The thread is being torn down: count it directly.
        IN_USE.fetch_add(delta, Ordering::Relaxed);
    }
}

/// The system allocator behind a per-thread cache of small blocks
/// (`crate::block_cache`), counting the bytes in use.
pub struct CountingAlloc;

// SAFETY: every call goes to `block_cache`, which forwards to `System` or
// hands out blocks it got from `System` (see there); the accounting only
// reads the layout sizes.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = crate::block_cache::alloc(layout);
        if !p.is_null() {
            account(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = if layout.size() <= crate::block_cache::MAX_BLOCK {
            let p = crate::block_cache::alloc(layout);
            if !p.is_null() {
                p.write_bytes(0, layout.size());
            }
            p
        } else {
            System.alloc_zeroed(layout)
        };
        if !p.is_null() {
            account(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        crate::block_cache::dealloc(ptr, layout);
        account(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = crate::block_cache::realloc(ptr, layout, new_size);
        if !p.is_null() {
            account(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Bytes in use by the whole process (to within a few hundred KiB per thread).
pub fn in_use() -> usize {
    IN_USE.load(Ordering::Relaxed).max(0) as usize
}

/// Sets the limit in bytes (`usize::MAX`: none).
pub fn set_limit(bytes: usize) {
    LIMIT.store(bytes, Ordering::Relaxed);
}

pub fn limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// The error for a program over its limit, if it is: checked by a task
/// between time slices.
pub fn over_limit() -> Option<Thrown> {
    let limit = limit();
    (limit != usize::MAX && in_use() > limit)
        .then(|| memory_error(format!("the program uses more than {}", size_text(limit))))
}

/// Checks, before a value of about `bytes` bytes is made, that it fits.
pub fn reserve(bytes: usize) -> Result<(), Thrown> {
    let limit = limit();
    if limit != usize::MAX && in_use().saturating_add(bytes) > limit {
        return Err(memory_error(format!(
            "a value of {} would take the program past {}",
            size_text(bytes),
            size_text(limit)
        )));
    }
    Ok(())
}

fn memory_error(what: String) -> Thrown {
    Thrown::new("MemoryError", format!("out of memory: {what} (the limit is set with --max-memory)"))
}

/// `512.0 MiB`, `1.5 GiB`.
pub fn size_text(bytes: usize) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// `--max-memory` values: a number of bytes with an optional `K`, `M`, `G`
/// or `T` suffix (powers of 1024, an optional `B`/`iB` after it), or `0` /
/// `none` for no limit.
pub fn parse_size(text: &str) -> Option<usize> {
    let t = text.trim().to_ascii_lowercase();
    if t == "none" || t == "0" {
        return Some(usize::MAX);
    }
    let t = t.strip_suffix("ib").or_else(|| t.strip_suffix('b')).unwrap_or(&t);
    let (num, shift) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 10),
        'm' => (&t[..t.len() - 1], 20),
        'g' => (&t[..t.len() - 1], 30),
        't' => (&t[..t.len() - 1], 40),
        _ => (t, 0),
    };
    let n: f64 = num.trim().parse().ok().filter(|n: &f64| n.is_finite() && *n > 0.0)?;
    let bytes = n * (1u64 << shift) as f64;
    (bytes >= 1.0 && bytes < usize::MAX as f64).then_some(bytes as usize)
}

/// The default limit: three quarters of the machine's memory (what
/// `/proc/meminfo` calls MemTotal), or none where that cannot be read.
pub fn default_limit() -> usize {
    let Ok(info) = std::fs::read_to_string("/proc/meminfo") else { return usize::MAX };
    info.lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map_or(usize::MAX, |kib| kib / 4 * 3 * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("512M"), Some(512 << 20));
        assert_eq!(parse_size("2g"), Some(2 << 30));
        assert_eq!(parse_size("1.5GiB"), Some(3 << 29));
        assert_eq!(parse_size("4096"), Some(4096));
        assert_eq!(parse_size("64kb"), Some(64 << 10));
        assert_eq!(parse_size("none"), Some(usize::MAX));
        assert_eq!(parse_size("0"), Some(usize::MAX));
        for bad in ["", "M", "-1G", "lots", "1e400"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }

    #[test]
    fn sizes_print_in_binary_units() {
        assert_eq!(size_text(100), "100 bytes");
        assert_eq!(size_text(512 << 20), "512.0 MiB");
        assert_eq!(size_text(3 << 29), "1.5 GiB");
    }
}
