//! Timers and the clock. Time is integer nanoseconds. The real clock counts
//! from runtime start; the virtual clock (`--virtual-time`) starts at 0 and
//! only moves when the scheduler jumps it to the next deadline because every
//! task is idle. Timers with equal deadlines fire in registration order.

use crate::waker::Waker;
use parking_lot::Mutex;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
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

/// Pending timers, in two orders: most timers are added in deadline order
/// (sleeps and timeouts of one length, started one after another), so those
/// are appended to `run`, a queue sorted by (deadline, registration) where
/// adding and firing are O(1) and touch adjacent memory; a timer that would
/// break that order goes to `heap`. Firing takes the smaller front of the two.
#[derive(Default)]
struct Pending {
    run: VecDeque<Entry>,
    heap: BinaryHeap<Reverse<Entry>>,
}

impl Pending {
    fn push(&mut self, e: Entry) {
        match self.run.back() {
            Some(last) if *last > e => self.heap.push(Reverse(e)),
            _ => self.run.push_back(e),
        }
    }

    fn peek(&self) -> Option<&Entry> {
        match (self.run.front(), self.heap.peek()) {
            (Some(a), Some(Reverse(b))) => Some(if a <= b { a } else { b }),
            (Some(a), None) => Some(a),
            (None, Some(Reverse(b))) => Some(b),
            (None, None) => None,
        }
    }

    fn pop(&mut self) -> Option<Entry> {
        let from_run = match (self.run.front(), self.heap.peek()) {
            (Some(a), Some(Reverse(b))) => a <= b,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if from_run {
            self.run.pop_front()
        } else {
            self.heap.pop().map(|Reverse(e)| e)
        }
    }
}

#[derive(Default)]
pub struct Timers {
    pending: Mutex<Pending>,
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
        self.pending.lock().push(Entry { deadline, seq, waker, armed: armed.clone() });
        TimerHandle { armed, live: self.live.clone() }
    }

    pub fn live(&self) -> usize {
        self.live.load(Ordering::Acquire)
    }

    /// The earliest armed deadline.
    pub fn next_deadline(&self) -> Option<u64> {
        let mut pending = self.pending.lock();
        while let Some(e) = pending.peek() {
            if e.armed.load(Ordering::Acquire) {
                return Some(e.deadline);
            }
            pending.pop();
        }
        None
    }

    /// Fires every armed timer whose deadline is at or before `now`, in
    /// (deadline, registration) order. Returns how many fired.
    pub fn fire_due(&self, now: u64) -> usize {
        let mut due = Vec::new();
        let mut lag = 0;
        {
            let mut pending = self.pending.lock();
            while pending.peek().is_some_and(|e| e.deadline <= now) {
                if let Some(e) = pending.pop() {
                    if e.armed.swap(false, Ordering::AcqRel) {
                        lag = lag.max(now.saturating_sub(e.deadline));
                        due.push(e.waker);
                    }
                }
            }
        }
        if !due.is_empty() {
            self.max_lag_ns.fetch_max(lag, Ordering::AcqRel);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::{Poll, Schedulable, TaskHeader};

    struct Nobody(TaskHeader);
    impl Schedulable for Nobody {
        fn header(&self) -> &TaskHeader {
            &self.0
        }
        fn poll(self: Arc<Self>) -> Poll {
            Poll::Done
        }
        fn runtime(&self) -> Option<&Arc<crate::scheduler::Shared>> {
            None
        }
    }

    fn entry(deadline: u64, seq: u64) -> Entry {
        Entry {
            deadline,
            seq,
            waker: Waker::detached(Arc::new(Nobody(TaskHeader::new()))),
            armed: Arc::new(AtomicBool::new(true)),
        }
    }

    /// Deadlines added in order, out of order, and equal: they come out by
    /// (deadline, registration), whichever of the run and the heap holds them.
    #[test]
    fn pending_timers_pop_in_deadline_then_registration_order() {
        let mut p = Pending::default();
        let deadlines = [10, 20, 20, 5, 30, 20, 40, 1, 40, 35, 50, 10];
        for (seq, d) in deadlines.iter().enumerate() {
            p.push(entry(*d, seq as u64));
        }
        assert!(!p.heap.is_empty() && p.run.len() > p.heap.len(), "both orders in use");
        let mut want: Vec<(u64, u64)> = deadlines.iter().enumerate().map(|(s, d)| (*d, s as u64)).collect();
        want.sort();
        let mut got = Vec::new();
        while let Some(e) = p.peek().map(|e| (e.deadline, e.seq)) {
            let popped = p.pop().map(|e| (e.deadline, e.seq));
            assert_eq!(popped, Some(e), "pop takes what peek shows");
            got.push(e);
        }
        assert_eq!(got, want);
    }

    #[test]
    fn fire_due_fires_only_what_is_due_and_skips_cancelled() {
        let t = Timers::default();
        let w = || Waker::detached(Arc::new(Nobody(TaskHeader::new())));
        let a = t.add(100, w());
        let _b = t.add(200, w());
        let c = t.add(150, w());
        c.cancel();
        assert_eq!(t.live(), 2);
        assert_eq!(t.next_deadline(), Some(100));
        assert_eq!(t.fire_due(99), 0);
        assert_eq!(t.fire_due(160), 1);
        a.cancel(); // already fired: no effect
        assert_eq!(t.live(), 1);
        assert_eq!(t.next_deadline(), Some(200));
        assert_eq!(t.fire_due(1000), 1);
        assert_eq!(t.next_deadline(), None);
        assert_eq!(t.live(), 0);
    }
}
