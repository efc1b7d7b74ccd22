//! A multi-producer multi-consumer channel, buffered or unbuffered (Go's
//! semantics), generic over its values and driven by `Waker`s.
//!
//! Protocol. A send that cannot complete at once parks its value in
//! `senders` (FIFO) and waits until a receiver takes it; a receive takes
//! from the buffer first (refilling it from the oldest parked sender), then
//! directly from a parked sender (the unbuffered hand-off). Values are only
//! ever moved by a receiver that is actively polling, so a receiver that is
//! cancelled after being woken loses nothing: its drop passes the wake-up on
//! to the next waiting receiver. `close` wakes everyone: parked senders fail
//! with `Closed`, receivers drain the buffer and then get `None`.

use crate::spinlock::SpinLock;
use crate::waker::Waker;
use std::collections::{HashMap, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendOutcome {
    Sent,
    Closed,
}

/// The result of polling a receive.
#[derive(Debug)]
pub enum RecvPoll<T> {
    Value(T),
    /// Closed and drained.
    Closed,
    Pending,
}

pub enum TrySend<T> {
    Sent,
    /// No room (buffered) or no waiting receiver (unbuffered): the value comes back.
    Full(T),
    Closed(T),
}

struct ParkedSend<T> {
    id: u64,
    value: T,
    waker: Option<Waker>,
}

struct State<T> {
    buf: VecDeque<T>,
    closed: bool,
    senders: VecDeque<ParkedSend<T>>,
    /// Outcome of parked sends that left the queue, until their sender sees it.
    finished: HashMap<u64, SendOutcome>,
    receivers: VecDeque<(u64, Waker)>,
    next_id: u64,
}

pub struct Channel<T> {
    /// Fixed at creation, so read without the lock.
    cap: usize,
    /// Held only for a few queue operations and wake-ups: a spin lock.
    state: SpinLock<State<T>>,
}

/// The sender side of one pending `send` (kept by the send future).
#[derive(Debug, Default)]
pub struct SendOp {
    parked: Option<u64>,
}

/// The receiver side of one pending `recv` (kept by the recv/select future).
#[derive(Debug, Default)]
pub struct RecvOp {
    waiting: Option<u64>,
}

impl<T> State<T> {
    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Wakes the first waiting receiver (it will come and take a value).
    fn wake_receiver(&mut self) {
        if let Some((_, w)) = self.receivers.pop_front() {
            w.wake();
        }
    }

    /// A receiver's take: buffer first (refilled from parked senders), then
    /// a parked sender directly.
    fn take(&mut self) -> Option<T> {
        if let Some(v) = self.buf.pop_front() {
            if let Some(p) = self.senders.pop_front() {
                self.buf.push_back(p.value);
                self.complete(p.id, p.waker, SendOutcome::Sent);
            }
            return Some(v);
        }
        let p = self.senders.pop_front()?;
        self.complete(p.id, p.waker, SendOutcome::Sent);
        Some(p.value)
    }

    fn complete(&mut self, id: u64, waker: Option<Waker>, outcome: SendOutcome) {
        if let Some(w) = waker {
            self.finished.insert(id, outcome);
            w.wake();
        }
    }

    fn ready_for_recv(&self) -> bool {
        !self.buf.is_empty() || !self.senders.is_empty()
    }
}

impl<T> Channel<T> {
    pub fn new(capacity: usize) -> Channel<T> {
        Channel {
            cap: capacity,
            state: SpinLock::new(State {
                buf: VecDeque::new(),
                closed: false,
                senders: VecDeque::new(),
                finished: HashMap::new(),
                receivers: VecDeque::new(),
                next_id: 0,
            }),
        }
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Buffered values.
    pub fn len(&self) -> usize {
        self.state.lock().buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_closed(&self) -> bool {
        self.state.lock().closed
    }

    /// Idempotent. Parked senders fail; every receiver is woken.
    pub fn close(&self) {
        let mut st = self.state.lock();
        if st.closed {
            return;
        }
        st.closed = true;
        // Blocked senders fail; a `try_send` hand-off (no waker) already
        // succeeded, so its value stays for a receiver, like buffered values.
        let senders: Vec<ParkedSend<T>> = st.senders.drain(..).collect();
        for p in senders {
            if p.waker.is_none() {
                st.senders.push_back(p);
            } else {
                st.complete(p.id, p.waker, SendOutcome::Closed);
            }
        }
        for (_, w) in st.receivers.drain(..) {
            w.wake();
        }
    }

    /// Polls a send. `value` is taken the first time the send parks or
    /// completes; later polls pass `None`.
    pub fn poll_send(&self, op: &mut SendOp, value: &mut Option<T>, waker: &Waker) -> Option<SendOutcome> {
        self.poll_send_with(op, value, || waker.clone())
    }

    /// `poll_send`, with the waker made only if the send has to wait.
    pub fn poll_send_with(
        &self,
        op: &mut SendOp,
        value: &mut Option<T>,
        waker: impl FnOnce() -> Waker,
    ) -> Option<SendOutcome> {
        let mut st = self.state.lock();
        if let Some(id) = op.parked {
            if let Some(outcome) = st.finished.remove(&id) {
                op.parked = None;
                return Some(outcome);
            }
            // Still parked: refresh the waker (the task may have moved).
            if let Some(p) = st.senders.iter_mut().find(|p| p.id == id) {
                p.waker = Some(waker());
            }
            return None;
        }
        let v = value.take()?;
        if st.closed {
            return Some(SendOutcome::Closed);
        }
        if st.senders.is_empty() && st.buf.len() < self.cap {
            st.buf.push_back(v);
            st.wake_receiver();
            return Some(SendOutcome::Sent);
        }
        let id = st.id();
        st.senders.push_back(ParkedSend { id, value: v, waker: Some(waker()) });
        op.parked = Some(id);
        st.wake_receiver();
        None
    }

    /// A cancelled send: withdraws its parked value (if still parked).
    pub fn cancel_send(&self, op: &mut SendOp) {
        if let Some(id) = op.parked.take() {
            let mut st = self.state.lock();
            st.senders.retain(|p| p.id != id);
            st.finished.remove(&id);
        }
    }

    pub fn try_send(&self, v: T) -> TrySend<T> {
        let mut st = self.state.lock();
        if st.closed {
            return TrySend::Closed(v);
        }
        if st.senders.is_empty() && st.buf.len() < self.cap {
            st.buf.push_back(v);
            st.wake_receiver();
            return TrySend::Sent;
        }
        if self.cap == 0 && !st.receivers.is_empty() {
            // Hand to the waiting receiver: parked with no sender to wake.
            let id = st.id();
            st.senders.push_back(ParkedSend { id, value: v, waker: None });
            st.wake_receiver();
            return TrySend::Sent;
        }
        TrySend::Full(v)
    }

    pub fn poll_recv(&self, op: &mut RecvOp, waker: &Waker) -> RecvPoll<T> {
        self.poll_recv_with(op, || waker.clone())
    }

    /// `poll_recv`, with the waker made only if the receive has to wait.
    pub fn poll_recv_with(&self, op: &mut RecvOp, waker: impl FnOnce() -> Waker) -> RecvPoll<T> {
        let mut st = self.state.lock();
        if let Some(id) = op.waiting.take() {
            st.receivers.retain(|(i, _)| *i != id);
        }
        if let Some(v) = st.take() {
            // More may be ready: let the next receiver look too.
            if st.ready_for_recv() {
                st.wake_receiver();
            }
            return RecvPoll::Value(v);
        }
        if st.closed {
            return RecvPoll::Closed;
        }
        let id = st.id();
        st.receivers.push_back((id, waker()));
        op.waiting = Some(id);
        RecvPoll::Pending
    }

    /// A receive that will not be polled again (cancelled, or a losing
    /// `select` arm). If it had been woken, pass the wake-up on.
    pub fn cancel_recv(&self, op: &mut RecvOp) {
        let mut st = self.state.lock();
        match op.waiting.take() {
            Some(id) => {
                let before = st.receivers.len();
                st.receivers.retain(|(i, _)| *i != id);
                if st.receivers.len() == before && st.ready_for_recv() {
                    st.wake_receiver();
                }
            }
            None => {
                if st.ready_for_recv() {
                    st.wake_receiver();
                }
            }
        }
    }

    /// Never waits: a buffered value, or (unbuffered) a waiting sender's.
    pub fn try_recv(&self) -> RecvPoll<T> {
        let mut st = self.state.lock();
        match st.take() {
            Some(v) => RecvPoll::Value(v),
            None if st.closed => RecvPoll::Closed,
            None => RecvPoll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffered_fifo_and_close_drains() {
        let ch = Channel::new(2);
        assert!(matches!(ch.try_send(1), TrySend::Sent));
        assert!(matches!(ch.try_send(2), TrySend::Sent));
        assert!(matches!(ch.try_send(3), TrySend::Full(3)));
        ch.close();
        assert!(matches!(ch.try_send(4), TrySend::Closed(4)));
        assert!(matches!(ch.try_recv(), RecvPoll::Value(1)));
        assert!(matches!(ch.try_recv(), RecvPoll::Value(2)));
        assert!(matches!(ch.try_recv(), RecvPoll::Closed));
    }

    #[test]
    fn unbuffered_try_ops_need_a_partner() {
        let ch: Channel<i32> = Channel::new(0);
        assert!(matches!(ch.try_send(1), TrySend::Full(1)));
        assert!(matches!(ch.try_recv(), RecvPoll::Pending));
    }
}
