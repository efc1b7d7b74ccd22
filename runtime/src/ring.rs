//! A bounded lock-free multi-producer multi-consumer ring of values: the
//! buffer of a buffered channel (after D. Vyukov's bounded MPMC queue).
//!
//! Why: with a lock around the buffer, every send and every receive writes
//! the lock's cache line, so a producer on one core and a consumer on the
//! other move that line (and the queue's indices) between the cores on
//! every operation. Here senders write only `tail` and receivers only
//! `head`, each on its own cache line, and a value's slot moves from the
//! producing core to the consuming one once.
//!
//! Positions. `head` and `tail` each hold a lap and an index: `index` is the
//! slot (below `cap`); the lap counts trips round the ring in steps of
//! `one_lap`, a power of two above every index. Each slot has a `stamp`:
//! `pos` when it is free for the push at position `pos`, `pos + 1` once that
//! push has written its value, and `pos + one_lap` once the value was taken
//! (free for the push one lap later). A push or pop claims its position with
//! a compare-and-swap on `tail` or `head`, then moves the value and
//! publishes the new stamp.
//!
//! Closing sets `MARK` (a bit above every lap) in `tail`, so a push either
//! claimed its position before the close or sees the mark and fails: no
//! value enters after a close, and every value that entered before it can
//! still be taken.
//!
//! Ordering. The claiming compare-and-swaps are `SeqCst`, so a channel can
//! pair them with `SeqCst` loads of its waiter counts (see `channel.rs`):
//! a sender that pushes and then finds no receiver registered, and a
//! receiver that registers and then finds the ring empty, cannot both miss
//! each other.

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A value kept alone on its cache line (two lines: the adjacent-line
/// prefetcher pairs them), so the senders' index and the receivers' index
/// do not share one.
#[repr(align(128))]
struct Padded<T>(T);

struct Slot<T> {
    stamp: AtomicUsize,
    value: UnsafeCell<MaybeUninit<T>>,
}

/// `H` is the owner's own read-mostly data (the channel's waiter counts):
/// it shares the cache line of the ring's fixed fields, which every push and
/// pop reads, so an operation touches one line less.
#[repr(C)]
pub(crate) struct Ring<T, H> {
    pub(crate) header: H,
    slots: Box<[Slot<T>]>,
    one_lap: usize,
    /// The closed mark in `tail`.
    mark: usize,
    head: Padded<AtomicUsize>,
    tail: Padded<AtomicUsize>,
}

// A slot's value is touched only by the one push or pop that claimed its
// position, and handed over through the stamp (release/acquire).
unsafe impl<T: Send, H: Sync> Sync for Ring<T, H> {}
unsafe impl<T: Send, H: Send> Send for Ring<T, H> {}

/// Why a push failed; the value comes back.
pub(crate) enum PushError<T> {
    Full(T),
    Closed(T),
}

impl<T, H> Ring<T, H> {
    /// A ring of `cap` slots (`cap >= 1`).
    pub(crate) fn new(cap: usize, header: H) -> Ring<T, H> {
        let cap = cap.max(1);
        let one_lap = (cap + 1).next_power_of_two();
        let slots = (0..cap)
            .map(|i| Slot { stamp: AtomicUsize::new(i), value: UnsafeCell::new(MaybeUninit::uninit()) })
            .collect();
        Ring {
            header,
            head: Padded(AtomicUsize::new(0)),
            tail: Padded(AtomicUsize::new(0)),
            slots,
            one_lap,
            // Laps wrap round within the bits above `one_lap`; the mark is the top bit.
            mark: 1 << (usize::BITS - 1),
        }
    }

    fn cap(&self) -> usize {
        self.slots.len()
    }

    /// Position arithmetic wraps round below the mark bit.
    fn wrap(&self, pos: usize) -> usize {
        pos & (self.mark - 1)
    }

    /// The position after `pos` (next index, or index 0 of the next lap).
    fn advance(&self, pos: usize) -> usize {
        let index = pos & (self.one_lap - 1);
        if index + 1 < self.cap() {
            pos + 1
        } else {
            self.wrap((pos & !(self.one_lap - 1)).wrapping_add(self.one_lap))
        }
    }

    pub(crate) fn push(&self, value: T) -> Result<(), PushError<T>> {
        let mut spins = 0u32;
        let mut tail = self.tail.0.load(Ordering::Relaxed);
        loop {
            if tail & self.mark != 0 {
                return Err(PushError::Closed(value));
            }
            let slot = &self.slots[tail & (self.one_lap - 1)];
            let stamp = slot.stamp.load(Ordering::Acquire);
            if stamp == tail {
                match self.tail.0.compare_exchange_weak(tail, self.advance(tail), Ordering::SeqCst, Ordering::Relaxed) {
                    Ok(_) => {
                        // SAFETY: the CAS gave this push the slot; no pop
                        // reads it until the stamp below says it is full.
                        unsafe { (*slot.value.get()).write(value) };
                        slot.stamp.store(tail + 1, Ordering::Release);
                        return Ok(());
                    }
                    Err(now) => tail = now,
                }
            } else if self.wrap(stamp.wrapping_add(self.one_lap)) == tail + 1 {
                // The slot still holds the value pushed a lap ago: full,
                // unless a pop has claimed it and is taking it right now.
                let head = self.head.0.load(Ordering::SeqCst);
                if self.wrap(head.wrapping_add(self.one_lap)) == tail {
                    return Err(PushError::Full(value));
                }
                pause(&mut spins);
                tail = self.tail.0.load(Ordering::Relaxed);
            } else {
                // Another push moved on: look again.
                pause(&mut spins);
                tail = self.tail.0.load(Ordering::Relaxed);
            }
        }
    }

    /// The oldest value, or `None` if the ring is empty.
    pub(crate) fn pop(&self) -> Option<T> {
        let mut spins = 0u32;
        let mut head = self.head.0.load(Ordering::Relaxed);
        loop {
            let slot = &self.slots[head & (self.one_lap - 1)];
            let stamp = slot.stamp.load(Ordering::Acquire);
            if stamp == head + 1 {
                match self.head.0.compare_exchange_weak(head, self.advance(head), Ordering::SeqCst, Ordering::Relaxed) {
                    Ok(_) => {
                        // SAFETY: the stamp said the slot is full and the CAS
                        // gave this pop its position: the value is ours.
                        let value = unsafe { (*slot.value.get()).assume_init_read() };
                        slot.stamp.store(self.wrap(head.wrapping_add(self.one_lap)), Ordering::Release);
                        return Some(value);
                    }
                    Err(now) => head = now,
                }
            } else if stamp == head {
                // Not written yet: empty, unless a push has claimed the
                // position and is writing its value right now.
                let tail = self.tail.0.load(Ordering::SeqCst);
                if tail & !self.mark == head {
                    return None;
                }
                pause(&mut spins);
                head = self.head.0.load(Ordering::Relaxed);
            } else {
                pause(&mut spins);
                head = self.head.0.load(Ordering::Relaxed);
            }
        }
    }

    /// Whether the ring holds no value (a snapshot; `SeqCst`, for the
    /// waiter re-checks of `channel.rs`).
    pub(crate) fn is_empty(&self) -> bool {
        let head = self.head.0.load(Ordering::SeqCst);
        let tail = self.tail.0.load(Ordering::SeqCst);
        tail & !self.mark == head
    }

    /// Values in the ring (a snapshot).
    pub(crate) fn len(&self) -> usize {
        loop {
            let tail = self.tail.0.load(Ordering::SeqCst);
            let head = self.head.0.load(Ordering::SeqCst);
            if self.tail.0.load(Ordering::SeqCst) != tail {
                continue;
            }
            let tail = tail & !self.mark;
            let hix = head & (self.one_lap - 1);
            let tix = tail & (self.one_lap - 1);
            return if hix < tix {
                tix - hix
            } else if hix > tix {
                self.cap() - hix + tix
            } else if tail == head {
                0
            } else {
                self.cap()
            };
        }
    }

    /// Refuses every later push. True if this call closed it.
    pub(crate) fn close(&self) -> bool {
        self.tail.0.fetch_or(self.mark, Ordering::SeqCst) & self.mark == 0
    }
}

impl<T, H> Drop for Ring<T, H> {
    fn drop(&mut self) {
        while self.pop().is_some() {}
    }
}

/// Waits a moment for another thread's push or pop to finish its step:
/// `pause` first, then, if that thread seems to have lost its core, yield.
fn pause(spins: &mut u32) {
    if *spins < 6 {
        for _ in 0..(1u32 << *spins) {
            std::hint::spin_loop();
        }
        *spins += 1;
    } else {
        std::thread::yield_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn fifo_full_and_wrap_round() {
        let r = Ring::new(3, ());
        for lap in 0..5 {
            for i in 0..3 {
                assert!(r.push(lap * 10 + i).is_ok());
            }
            assert!(matches!(r.push(99), Err(PushError::Full(99))));
            assert_eq!(r.len(), 3);
            assert_eq!(r.pop(), Some(lap * 10));
            assert_eq!(r.len(), 2);
            assert!(r.push(lap * 10 + 3).is_ok());
            for i in 1..4 {
                assert_eq!(r.pop(), Some(lap * 10 + i));
            }
            assert_eq!(r.pop(), None);
            assert!(r.is_empty());
            assert_eq!(r.len(), 0);
        }
    }

    #[test]
    fn close_keeps_values_and_refuses_pushes() {
        let r = Ring::new(2, ());
        assert!(r.push(1).is_ok());
        assert!(r.close());
        assert!(!r.close());
        assert!(matches!(r.push(2), Err(PushError::Closed(2))));
        assert_eq!(r.len(), 1);
        assert_eq!(r.pop(), Some(1));
        assert_eq!(r.pop(), None);
    }

    #[test]
    fn remaining_values_are_dropped_with_the_ring() {
        let v = Arc::new(());
        let r = Ring::new(4, ());
        for _ in 0..3 {
            assert!(r.push(v.clone()).is_ok());
        }
        assert_eq!(Arc::strong_count(&v), 4);
        drop(r);
        assert_eq!(Arc::strong_count(&v), 1);
    }

    /// Four producers and four consumers on threads: every value arrives
    /// exactly once, and each producer's values in order.
    #[test]
    fn threads_hammering_lose_and_duplicate_nothing() {
        const PER: usize = 20_000;
        let r = Arc::new(Ring::new(8, ()));
        let producers: Vec<_> = (0..4)
            .map(|p| {
                let r = r.clone();
                std::thread::spawn(move || {
                    for i in 0..PER {
                        let mut v = p * PER + i;
                        loop {
                            match r.push(v) {
                                Ok(()) => break,
                                Err(PushError::Full(back)) => {
                                    v = back;
                                    std::thread::yield_now();
                                }
                                Err(PushError::Closed(_)) => unreachable!("not closed"),
                            }
                        }
                    }
                })
            })
            .collect();
        let consumers: Vec<_> = (0..4)
            .map(|_| {
                let r = r.clone();
                std::thread::spawn(move || {
                    let mut got = Vec::new();
                    let mut last = [None::<usize>; 4];
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
                    while got.len() < PER && std::time::Instant::now() < deadline {
                        match r.pop() {
                            Some(v) => {
                                let p = v / PER;
                                assert!(last[p].is_none_or(|l| l < v), "producer {p}'s values out of order");
                                last[p] = Some(v);
                                got.push(v);
                            }
                            None => std::thread::yield_now(),
                        }
                    }
                    got
                })
            })
            .collect();
        for p in producers {
            p.join().unwrap();
        }
        let mut all: Vec<usize> = consumers.into_iter().flat_map(|c| c.join().unwrap()).collect();
        all.sort_unstable();
        assert_eq!(all, (0..4 * PER).collect::<Vec<_>>());
        assert!(r.is_empty());
    }
}
