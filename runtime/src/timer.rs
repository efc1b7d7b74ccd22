//! Timers and the clock. Time is integer nanoseconds. The real clock counts
//! from runtime start; the virtual clock (`--virtual-time`) starts at 0 and
//! only moves when the scheduler jumps it to the next deadline because every
//! task is idle. Timers with equal deadlines fire in registration order.

use crate::waker::Waker;
use parking_lot::Mutex;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub struct Clock {
    virtual_time: bool,
    start: Instant,
    virtual_now: AtomicU64,
}

impl Clock {
    pub fn new(virtual_time: bool) -> Clock {
        Clock { virtual_time, start: Instant::now(), virtual_now: AtomicU64::new(0) }
    }

    pub fn is_virtual(&self) -> bool {
        self.virtual_time
    }

    pub fn now_ns(&self) -> u64 {
        if self.virtual_time {
            self.virtual_now.load(Ordering::Acquire)
        } else {
            self.start.elapsed().as_nanos() as u64
        }
    }

    /// Moves the virtual clock forward to `t` (never backwards).
    pub fn advance_to(&self, t: u64) {
        self.virtual_now.fetch_max(t, Ordering::AcqRel);
    }
}

/// A registered timer; dropping the handle or calling `cancel` disarms it.
#[derive(Debug, Clone)]
pub struct TimerHandle {
    armed: Arc<AtomicBool>,
    live: Arc<AtomicUsize>,
}

impl TimerHandle {
    pub fn cancel(&self) {
        if self.armed.swap(false, Ordering::AcqRel) {
            self.live.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

struct Entry {
    deadline: u64,
    seq: u64,
    waker: Waker,
    armed: Arc<AtomicBool>,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Entry) -> bool {
        (self.deadline, self.seq) == (o.deadline, o.seq)
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    fn cmp(&self, o: &Entry) -> std::cmp::Ordering {
        (self.deadline, self.seq).cmp(&(o.deadline, o.seq))
    }
}

#[derive(Default)]
pub struct Timers {
    heap: Mutex<BinaryHeap<Reverse<Entry>>>,
    seq: AtomicU64,
    /// Armed timers (deadlock detection and virtual time look at this).
    live: Arc<AtomicUsize>,
    /// Largest delay between a deadline and its firing, in ns (for `--stats`).
    pub max_lag_ns: AtomicU64,
}

impl Timers {
    pub fn add(&self, deadline: u64, waker: Waker) -> TimerHandle {
        let armed = Arc::new(AtomicBool::new(true));
        let seq = self.seq.fetch_add(1, Ordering::AcqRel);
        self.live.fetch_add(1, Ordering::AcqRel);
        self.heap.lock().push(Reverse(Entry { deadline, seq, waker, armed: armed.clone() }));
        TimerHandle { armed, live: self.live.clone() }
    }

    pub fn live(&self) -> usize {
        self.live.load(Ordering::Acquire)
    }

    /// The earliest armed deadline.
    pub fn next_deadline(&self) -> Option<u64> {
        let mut heap = self.heap.lock();
        while let Some(Reverse(e)) = heap.peek() {
            if e.armed.load(Ordering::Acquire) {
                return Some(e.deadline);
            }
            heap.pop();
        }
        None
    }

    /// Fires every armed timer whose deadline is at or before `now`, in
    /// (deadline, registration) order. Returns how many fired.
    pub fn fire_due(&self, now: u64) -> usize {
        let mut due = Vec::new();
        {
            let mut heap = self.heap.lock();
            while let Some(Reverse(e)) = heap.peek() {
                if e.deadline > now {
                    break;
                }
                if let Some(Reverse(e)) = heap.pop() {
                    if e.armed.swap(false, Ordering::AcqRel) {
                        self.max_lag_ns.fetch_max(now.saturating_sub(e.deadline), Ordering::AcqRel);
                        due.push(e.waker);
                    }
                }
            }
        }
        let n = due.len();
        // Wake first, then drop the live count: an idle worker must never see
        // "no timers" before the woken task is runnable (a false deadlock).
        for w in due {
            w.wake();
            self.live.fetch_sub(1, Ordering::AcqRel);
        }
        n
    }
}
