//! Waker-driven synchronisation primitives: a FIFO-fair `Semaphore` (a
//! `Lock` is a semaphore of one) and an `Event`.
//!
//! Fairness and cancellation: `release` with waiters queued does not raise
//! the permit count; it grants the permit to the oldest waiter and wakes it,
//! so a newcomer cannot barge in. A waiter cancelled after being granted
//! hands the permit on (`cancel_acquire`), so no permit is ever lost.

use crate::waker::Waker;
use parking_lot::Mutex;
use std::collections::{HashSet, VecDeque};

struct SemState {
    permits: usize,
    waiters: VecDeque<(u64, Waker)>,
    granted: HashSet<u64>,
    next_id: u64,
}

pub struct Semaphore {
    st: Mutex<SemState>,
    max: usize,
}

/// One pending `acquire`, kept by its future.
#[derive(Debug, Default)]
pub struct AcquireOp {
    waiting: Option<u64>,
}

impl Semaphore {
    pub fn new(permits: usize) -> Semaphore {
        Semaphore {
            st: Mutex::new(SemState { permits, waiters: VecDeque::new(), granted: HashSet::new(), next_id: 0 }),
            max: permits,
        }
    }

    pub fn available(&self) -> usize {
        self.st.lock().permits
    }

    pub fn max(&self) -> usize {
        self.max
    }

    /// True once the permit is held.
    pub fn poll_acquire(&self, op: &mut AcquireOp, waker: &Waker) -> bool {
        let mut st = self.st.lock();
        if let Some(id) = op.waiting {
            if st.granted.remove(&id) {
                op.waiting = None;
                return true;
            }
            if let Some(w) = st.waiters.iter_mut().find(|(i, _)| *i == id) {
                w.1 = waker.clone();
            }
            return false;
        }
        if st.permits > 0 && st.waiters.is_empty() {
            st.permits -= 1;
            return true;
        }
        st.next_id += 1;
        let id = st.next_id;
        st.waiters.push_back((id, waker.clone()));
        op.waiting = Some(id);
        false
    }

    pub fn try_acquire(&self) -> bool {
        let mut st = self.st.lock();
        if st.permits > 0 && st.waiters.is_empty() {
            st.permits -= 1;
            true
        } else {
            false
        }
    }

    /// Returns a permit: to the oldest waiter if any, else to the pool.
    /// False if that would exceed the initial count (a release without acquire).
    pub fn release(&self) -> bool {
        let mut st = self.st.lock();
        if let Some((id, w)) = st.waiters.pop_front() {
            st.granted.insert(id);
            w.wake();
            return true;
        }
        if st.permits >= self.max {
            return false;
        }
        st.permits += 1;
        true
    }

    /// An acquire that will not be polled again.
    pub fn cancel_acquire(&self, op: &mut AcquireOp) {
        let Some(id) = op.waiting.take() else { return };
        let granted = {
            let mut st = self.st.lock();
            st.waiters.retain(|(i, _)| *i != id);
            st.granted.remove(&id)
        };
        if granted {
            self.release();
        }
    }
}

#[derive(Default)]
struct EventState {
    set: bool,
    /// Bumped by every `set`: a waiter registered before a `set` is
    /// released by it even if `clear` follows at once (as in asyncio).
    generation: u64,
    waiters: Vec<Waker>,
}

#[derive(Default)]
pub struct Event {
    st: Mutex<EventState>,
}

/// One pending `wait`, kept by its future.
#[derive(Debug, Default)]
pub struct WaitOp {
    /// The generation seen when this wait registered.
    registered: Option<u64>,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn is_set(&self) -> bool {
        self.st.lock().set
    }

    pub fn set(&self) {
        let waiters = {
            let mut st = self.st.lock();
            st.set = true;
            st.generation += 1;
            std::mem::take(&mut st.waiters)
        };
        for w in waiters {
            w.wake();
        }
    }

    pub fn clear(&self) {
        self.st.lock().set = false;
    }

    /// True once set (or set since this wait registered); otherwise the
    /// waker is registered, once per wait (no scan over other waiters).
    pub fn poll_wait(&self, op: &mut WaitOp, waker: &Waker) -> bool {
        let mut st = self.st.lock();
        if st.set || op.registered.is_some_and(|g| g != st.generation) {
            return true;
        }
        if op.registered.is_none() {
            op.registered = Some(st.generation);
            st.waiters.push(waker.clone());
        }
        false
    }

    /// A wait that will not be polled again: forget its waker.
    pub fn cancel_wait(&self, op: &mut WaitOp, waker: &Waker) {
        if op.registered.take().is_some() {
            let mut st = self.st.lock();
            if let Some(i) = st.waiters.iter().position(|w| w.same_task(waker)) {
                st.waiters.swap_remove(i);
            }
        }
    }
}
