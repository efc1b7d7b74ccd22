//! A multi-producer multi-consumer channel, buffered or unbuffered (Go's
//! semantics), generic over its values and driven by `Waker`s.
//!
//! Protocol. A send that cannot complete at once parks its value in
//! `senders` (FIFO) and waits until a receiver takes it; a receive takes
//! from the buffer first (refilling it from the oldest parked sender), then
//! directly from a parked sender. An unbuffered send that finds a receiver
//! waiting hands its value over and is done (`State::hand_off`): the value
//! is queued with no sender to wake and the receiver is woken to take it,
//! so a rendezvous costs one wake-up, not two. Values are only
//! ever moved by a receiver that is actively polling, so a receiver that is
//! cancelled after being woken loses nothing: its drop passes the wake-up on
//! to the next waiting receiver. `close` wakes everyone: parked senders fail
//! with `Closed`, receivers drain the buffer and then get `None`.
//!
//! The buffer of a buffered channel is a lock-free ring (`ring.rs`), so a
//! send that finds room and a receive that finds a value take no lock: a
//! producer and a consumer running on two cores at once share no written
//! cache line but the values'. The waiting queues stay under a spin lock,
//! and counts of them are published (`Waiting`) for the lock-free side:
//!
//! - a send that pushed looks at the count of waiting receivers; a receiver
//!   registers, publishes the count, then looks at the ring once more;
//! - a receive that popped looks at the count of parked senders; a sender
//!   parks, publishes the count, then tries the ring once more (moving
//!   parked values in while there is room).
//!
//! The ring's claims and those counts are `SeqCst`, so of two such sides at
//! least one sees the other: no value waits in the ring while its receiver
//! sleeps, and no sender stays parked beside free room. (For the moment
//! between a lock-free pop and its refill taking the lock, a parked sender
//! and a free slot do coexist: `len()` is below the capacity and a
//! `try_send` still fails, since parked senders go first.)

use crate::ring::{PushError, Ring};
use crate::spinlock::{SpinGuard, SpinLock};
use crate::waker::Waker;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

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
    /// The claims of the waiting receivers that are select arms, by id.
    claims: Vec<(u64, SelectClaim)>,
    next_id: u64,
}

pub struct Channel<T> {
    /// Fixed at creation, so read without the lock.
    cap: usize,
    /// The buffer of a buffered channel (see `RING_MAX_CAPACITY`):
    /// lock-free, so a send and a receive that neither wait nor wake touch
    /// no lock.
    ring: Option<Ring<T, Waiting>>,
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
    /// For an arm of a select: its select's claim (see `SelectClaim`).
    claim: Option<SelectClaim>,
}

impl RecvOp {
    /// The receive of arm `arm` of a select whose arms share `claim`.
    pub fn in_select(claim: &SelectClaim, arm: usize) -> RecvOp {
        RecvOp { waiting: None, claim: Some(SelectClaim { token: claim.token.clone(), arm }) }
    }
}

/// Shared by the arms of one select. An unbuffered send completes as soon
/// as it hands its value to a waiting receiver (see `State::hand_off`); a
/// select waits on several channels at once, so two senders could each
/// hand it a value before it runs, and it would take only one: the other
/// send would have "completed" with nobody to receive it. So whatever
/// gives a select's arm a value claims the select first (the arm number
/// goes in the token): a hand-off to it, or the select's own receive on
/// that arm. A sender that finds the select claimed waits like any sender;
/// an arm that finds another arm holding the claim takes nothing. The
/// select polls the claiming arm first; an arm that then finds no value
/// (another receiver took it) gives the claim back.
#[derive(Debug, Clone)]
pub struct SelectClaim {
    token: Arc<AtomicUsize>,
    arm: usize,
}

/// No arm has claimed the select.
const UNCLAIMED: usize = usize::MAX;

impl SelectClaim {
    pub fn new() -> SelectClaim {
        SelectClaim { token: Arc::new(AtomicUsize::new(UNCLAIMED)), arm: UNCLAIMED }
    }

    /// The arm that holds the claim, if any (a hand-off's).
    pub fn claimed(&self) -> Option<usize> {
        Some(self.token.load(Ordering::Acquire)).filter(|&a| a != UNCLAIMED)
    }

    /// Claims the select for this arm (a hand-off to it).
    fn try_claim(&self) -> bool {
        self.token.compare_exchange(UNCLAIMED, self.arm, Ordering::AcqRel, Ordering::Acquire).is_ok()
    }

    /// This arm holds the claim now (it had it, or took it).
    fn acquire(&self) -> bool {
        self.try_claim() || self.token.load(Ordering::Acquire) == self.arm
    }

    /// Gives up this arm's claim (it found no value: the select waits on).
    fn release(&self) {
        let _ = self.token.compare_exchange(self.arm, UNCLAIMED, Ordering::AcqRel, Ordering::Acquire);
    }
}

impl Default for SelectClaim {
    fn default() -> Self {
        SelectClaim::new()
    }
}

impl<T> State<T> {
    fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
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

    /// The unbuffered hand-off: when a receiver is waiting, the value is
    /// queued for it (parked with no sender to wake) and that receiver is
    /// woken, so the send is complete at once, as in Go, and the sender runs
    /// on instead of waiting for the receiver to be scheduled. The value
    /// moves only when a receiver polls: if the woken receiver is cancelled
    /// first, its wake-up passes to the next receiver and the value waits
    /// for it (never lost). `Err` gives the value back when nobody waits.
    fn hand_off(&mut self, cap: usize, v: T) -> Result<(), T> {
        if cap != 0 || self.receivers.is_empty() {
            return Err(v);
        }
        // The first waiting receiver that is not a select another sender
        // already claimed (see `SelectClaim`).
        let claims = &self.claims;
        let Some(at) = self.receivers.iter().position(|(rid, _)| match claims.iter().find(|(c, _)| c == rid) {
            None => true,
            Some((_, claim)) => claim.try_claim(),
        }) else {
            return Err(v);
        };
        let id = self.id();
        self.senders.push_back(ParkedSend { id, value: v, waker: None });
        if let Some((rid, w)) = self.receivers.remove(at) {
            self.forget_claim(rid);
            w.wake();
        }
        Ok(())
    }

    fn forget_claim(&mut self, id: u64) {
        if !self.claims.is_empty() {
            self.claims.retain(|(c, _)| *c != id);
        }
    }

    fn ready_for_recv(&self) -> bool {
        !self.buf.is_empty() || !self.senders.is_empty()
    }
}

/// Buffered channels up to this capacity keep their buffer in a lock-free
/// ring, allocated when the channel is made (as Go's `make(chan T, n)`;
/// 24 bytes a slot for mojolite values: at most 96 KiB). Larger ones are
/// usually "practically unbounded" queues that hold far fewer values than
/// their capacity, so they keep a buffer that grows on demand
/// (`State::buf`) under the lock.
pub const RING_MAX_CAPACITY: usize = 1 << 12;

/// Mirrors of how many receivers wait and how many senders are parked,
/// written under the lock, read without it by ring operations (so a send
/// looks at the receivers' queue only when someone waits there). They
/// change rarely, so they sit with the ring's fixed fields, on a line that
/// both sides keep cached.
struct Waiting {
    receivers: AtomicUsize,
    senders: AtomicUsize,
    /// The id of the oldest waiting receiver (`u64::MAX`: none). Ids grow
    /// and receivers queue in id order, so a receiver whose id is below
    /// this one has left the queue: it was woken (or the channel closed),
    /// and it can take a value without the lock.
    first_receiver: AtomicU64,
}

impl Default for Waiting {
    fn default() -> Waiting {
        Waiting {
            receivers: AtomicUsize::new(0),
            senders: AtomicUsize::new(0),
            first_receiver: AtomicU64::new(u64::MAX),
        }
    }
}

/// The state under its lock; dropping it publishes the waiter counts.
struct Locked<'a, T> {
    st: SpinGuard<'a, State<T>>,
    /// `None` without a ring (nobody reads the counts then).
    waiting: Option<&'a Waiting>,
}

impl<T> Locked<'_, T> {
    /// Makes the waiter counts current. A new waiter is published with
    /// `SeqCst` (it pairs with the ring operation's claim, see
    /// `Channel::push_and_wake`); a count that falls only saves the other
    /// side a needless look under the lock, so a plain store will do.
    fn publish(&self) {
        let Some(waiting) = self.waiting else { return };
        fn set(count: &AtomicUsize, n: usize) {
            let was = count.load(Ordering::Relaxed);
            if n > was {
                count.store(n, Ordering::SeqCst);
            } else if n < was {
                count.store(n, Ordering::Release);
            }
        }
        set(&waiting.receivers, self.st.receivers.len());
        set(&waiting.senders, self.st.senders.len());
        let first = self.st.receivers.front().map_or(u64::MAX, |(id, _)| *id);
        if waiting.first_receiver.load(Ordering::Relaxed) != first {
            waiting.first_receiver.store(first, Ordering::Release);
        }
    }

    /// Wakes the first waiting receiver, publishing first: the woken task
    /// may run on another core at once, and should find itself out of the
    /// queue (`Waiting::first_receiver`) instead of queueing for this lock.
    fn wake_receiver(&mut self) {
        if let Some((_, w)) = self.st.receivers.pop_front() {
            self.publish();
            w.wake();
        }
    }
}

impl<T> Drop for Locked<'_, T> {
    fn drop(&mut self) {
        self.publish();
    }
}

impl<T> std::ops::Deref for Locked<'_, T> {
    type Target = State<T>;
    fn deref(&self) -> &State<T> {
        &self.st
    }
}

impl<T> std::ops::DerefMut for Locked<'_, T> {
    fn deref_mut(&mut self) -> &mut State<T> {
        &mut self.st
    }
}

impl<T> Channel<T> {
    pub fn new(capacity: usize) -> Channel<T> {
        Channel {
            cap: capacity,
            ring: (1..=RING_MAX_CAPACITY).contains(&capacity).then(|| Ring::new(capacity, Waiting::default())),
            state: SpinLock::new(State {
                buf: VecDeque::new(),
                closed: false,
                senders: VecDeque::new(),
                finished: HashMap::new(),
                receivers: VecDeque::new(),
                claims: Vec::new(),
                next_id: 0,
            }),
        }
    }

    fn lock(&self) -> Locked<'_, T> {
        Locked { st: self.state.lock(), waiting: self.ring.as_ref().map(|r| &r.header) }
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Buffered values.
    pub fn len(&self) -> usize {
        match &self.ring {
            Some(ring) => ring.len(),
            None => self.state.lock().buf.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_closed(&self) -> bool {
        self.state.lock().closed
    }

    /// Idempotent. Parked senders fail; every receiver is woken.
    pub fn close(&self) {
        let mut st = self.lock();
        if st.closed {
            return;
        }
        st.closed = true;
        if let Some(ring) = &self.ring {
            ring.close();
        }
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
        let receivers: Vec<(u64, Waker)> = st.receivers.drain(..).collect();
        st.claims.clear();
        st.publish();
        for (_, w) in receivers {
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
        if let Some(id) = op.parked {
            let mut st = self.lock();
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
        if let Some(ring) = &self.ring {
            return self.ring_send(ring, op, v, waker);
        }
        let mut st = self.lock();
        if st.closed {
            return Some(SendOutcome::Closed);
        }
        if st.senders.is_empty() && st.buf.len() < self.cap {
            st.buf.push_back(v);
            st.wake_receiver();
            return Some(SendOutcome::Sent);
        }
        let v = match st.hand_off(self.cap, v) {
            Ok(()) => return Some(SendOutcome::Sent),
            Err(v) => v,
        };
        let id = st.id();
        st.senders.push_back(ParkedSend { id, value: v, waker: Some(waker()) });
        op.parked = Some(id);
        st.wake_receiver();
        None
    }

    /// A send into the ring: without the lock when no sender is parked
    /// (parked senders go first) and there is room; else under the lock,
    /// parking if the ring is still full.
    fn ring_send(
        &self,
        ring: &Ring<T, Waiting>,
        op: &mut SendOp,
        v: T,
        waker: impl FnOnce() -> Waker,
    ) -> Option<SendOutcome> {
        let v = if ring.header.senders.load(Ordering::SeqCst) == 0 {
            match self.push_and_wake(ring, v) {
                Ok(()) => return Some(SendOutcome::Sent),
                Err(PushError::Closed(_)) => return Some(SendOutcome::Closed),
                Err(PushError::Full(v)) => v,
            }
        } else {
            v
        };
        let mut st = self.lock();
        if st.closed {
            return Some(SendOutcome::Closed);
        }
        let v = if st.senders.is_empty() {
            match ring.push(v) {
                Ok(()) => {
                    st.wake_receiver();
                    return Some(SendOutcome::Sent);
                }
                Err(PushError::Closed(_)) => return Some(SendOutcome::Closed),
                Err(PushError::Full(v)) => v,
            }
        } else {
            v
        };
        let id = st.id();
        st.senders.push_back(ParkedSend { id, value: v, waker: Some(waker()) });
        st.publish();
        // A receive may have made room after the push above failed, and
        // before it could see this sender parked: move what fits now.
        self.refill(ring, &mut st, Some(id));
        if let Some(outcome) = st.finished.remove(&id) {
            return Some(outcome);
        }
        op.parked = Some(id);
        None
    }

    /// A lock-free push; a receiver waiting for it is woken. The push's
    /// `SeqCst` claim comes before the `SeqCst` load of the receivers'
    /// count, and a receiver publishes its registration before it looks at
    /// the ring again: one of the two sees the other.
    fn push_and_wake(&self, ring: &Ring<T, Waiting>, v: T) -> Result<(), PushError<T>> {
        ring.push(v)?;
        if ring.header.receivers.load(Ordering::SeqCst) > 0 {
            self.lock().wake_receiver();
        }
        Ok(())
    }

    /// A lock-free pop; parked senders move their values into the room made
    /// (the same pairing as `push_and_wake`, the other way round).
    fn pop_and_refill(&self, ring: &Ring<T, Waiting>) -> Option<T> {
        let v = ring.pop()?;
        if ring.header.senders.load(Ordering::SeqCst) > 0 {
            let mut st = self.lock();
            self.refill(ring, &mut st, None);
        }
        Some(v)
    }

    /// Moves parked senders' values into the ring, oldest first, while it
    /// has room: each of those sends is done (its task is woken, except
    /// `own`, the caller's) and a waiting receiver is woken per value.
    fn refill(&self, ring: &Ring<T, Waiting>, st: &mut Locked<'_, T>, own: Option<u64>) {
        while let Some(p) = st.senders.pop_front() {
            match ring.push(p.value) {
                Ok(()) => {
                    if Some(p.id) == own {
                        st.finished.insert(p.id, SendOutcome::Sent);
                    } else {
                        st.complete(p.id, p.waker, SendOutcome::Sent);
                    }
                    st.wake_receiver();
                }
                Err(PushError::Full(value)) => {
                    st.senders.push_front(ParkedSend { value, ..p });
                    break;
                }
                // Closing (under this lock) fails every parked sender first.
                Err(PushError::Closed(_)) => st.complete(p.id, p.waker, SendOutcome::Closed),
            }
        }
    }

    /// A cancelled send: withdraws its parked value (if still parked).
    pub fn cancel_send(&self, op: &mut SendOp) {
        if let Some(id) = op.parked.take() {
            let mut st = self.lock();
            st.senders.retain(|p| p.id != id);
            st.finished.remove(&id);
        }
    }

    pub fn try_send(&self, v: T) -> TrySend<T> {
        if let Some(ring) = &self.ring {
            if ring.header.senders.load(Ordering::SeqCst) == 0 {
                return match self.push_and_wake(ring, v) {
                    Ok(()) => TrySend::Sent,
                    Err(PushError::Full(v)) => TrySend::Full(v),
                    Err(PushError::Closed(v)) => TrySend::Closed(v),
                };
            }
            // Parked senders go first.
            let st = self.lock();
            return if st.closed { TrySend::Closed(v) } else { TrySend::Full(v) };
        }
        let mut st = self.lock();
        if st.closed {
            return TrySend::Closed(v);
        }
        if st.senders.is_empty() && st.buf.len() < self.cap {
            st.buf.push_back(v);
            st.wake_receiver();
            return TrySend::Sent;
        }
        match st.hand_off(self.cap, v) {
            Ok(()) => TrySend::Sent,
            Err(v) => TrySend::Full(v),
        }
    }

    pub fn poll_recv(&self, op: &mut RecvOp, waker: &Waker) -> RecvPoll<T> {
        self.poll_recv_with(op, || waker.clone())
    }

    /// `poll_recv`, with the waker made only if the receive has to wait.
    /// An arm of a select takes a value only while it holds its select's
    /// claim (see `SelectClaim`): when another arm holds it, this one
    /// leaves its value alone and answers Pending.
    pub fn poll_recv_with(&self, op: &mut RecvOp, waker: impl FnOnce() -> Waker) -> RecvPoll<T> {
        let Some(claim) = op.claim.clone() else { return self.poll_recv_unclaimed(op, waker) };
        if !claim.acquire() {
            return RecvPoll::Pending;
        }
        let r = self.poll_recv_unclaimed(op, waker);
        if !matches!(r, RecvPoll::Value(_)) {
            claim.release();
        }
        r
    }

    fn poll_recv_unclaimed(&self, op: &mut RecvOp, waker: impl FnOnce() -> Waker) -> RecvPoll<T> {
        if let Some(ring) = &self.ring {
            return self.ring_recv(ring, op, waker);
        }
        let mut st = self.lock();
        if let Some(id) = op.waiting.take() {
            st.receivers.retain(|(i, _)| *i != id);
            st.forget_claim(id);
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
        if let Some(claim) = &op.claim {
            st.claims.push((id, claim.clone()));
        }
        op.waiting = Some(id);
        RecvPoll::Pending
    }

    /// A receive from the ring: without the lock when a value is there and
    /// this receive is not registered; else under the lock, registering if
    /// the ring is empty.
    fn ring_recv(&self, ring: &Ring<T, Waiting>, op: &mut RecvOp, waker: impl FnOnce() -> Waker) -> RecvPoll<T> {
        if op.waiting.is_some_and(|id| id < ring.header.first_receiver.load(Ordering::Acquire)) {
            // Woken: no longer queued (see `Waiting::first_receiver`).
            op.waiting = None;
        }
        let popped_empty = op.waiting.is_none();
        if popped_empty {
            if let Some(v) = self.pop_and_refill(ring) {
                return RecvPoll::Value(v);
            }
        }
        let mut st = self.lock();
        if let Some(id) = op.waiting.take() {
            st.receivers.retain(|(i, _)| *i != id);
        }
        // (A ring just found empty is looked at again after registering.)
        if !popped_empty || st.closed || !st.senders.is_empty() {
            if let Some(v) = self.ring_take(ring, &mut st) {
                return RecvPoll::Value(v);
            }
        }
        if st.closed {
            return RecvPoll::Closed;
        }
        let id = st.id();
        st.receivers.push_back((id, waker()));
        st.publish();
        // A send may have pushed after the take above failed, and before
        // it could see this receiver waiting: look once more.
        if let Some(v) = ring.pop() {
            st.receivers.pop_back();
            self.refill(ring, &mut st, None);
            return RecvPoll::Value(v);
        }
        op.waiting = Some(id);
        RecvPoll::Pending
    }

    /// A take under the lock: the ring's oldest value (refilled from
    /// parked senders); if more remain, the next waiting receiver is woken.
    fn ring_take(&self, ring: &Ring<T, Waiting>, st: &mut Locked<'_, T>) -> Option<T> {
        let v = match ring.pop() {
            Some(v) => v,
            None if st.senders.is_empty() => return None,
            None => {
                // Parked senders behind an empty ring only in a passing race.
                self.refill(ring, st, None);
                ring.pop()?
            }
        };
        if !st.senders.is_empty() {
            self.refill(ring, st, None);
        }
        if !st.receivers.is_empty() && !ring.is_empty() {
            st.wake_receiver();
        }
        Some(v)
    }

    /// A receive that will not be polled again (cancelled, or a losing
    /// `select` arm). If it had been woken, pass the wake-up on.
    pub fn cancel_recv(&self, op: &mut RecvOp) {
        let mut st = self.lock();
        let ready = |st: &State<T>| st.ready_for_recv() || self.ring.as_ref().is_some_and(|r| !r.is_empty());
        match op.waiting.take() {
            Some(id) => {
                let before = st.receivers.len();
                st.receivers.retain(|(i, _)| *i != id);
                st.forget_claim(id);
                if st.receivers.len() == before && ready(&st) {
                    st.wake_receiver();
                }
            }
            None => {
                if ready(&st) {
                    st.wake_receiver();
                }
            }
        }
    }

    /// The oldest value of a buffered channel's ring, taken without the
    /// lock (a receive that is not registered would take the same value);
    /// None when the ring is empty or the channel has none. Anything else
    /// (a value only a parked sender holds, a closed channel) is for
    /// `poll_recv`/`try_recv` to see.
    #[inline]
    pub fn try_take_buffered(&self) -> Option<T> {
        let ring = self.ring.as_ref()?;
        self.pop_and_refill(ring)
    }

    /// Never waits: a buffered value, or (unbuffered) a waiting sender's.
    pub fn try_recv(&self) -> RecvPoll<T> {
        if let Some(ring) = &self.ring {
            if let Some(v) = self.pop_and_refill(ring) {
                return RecvPoll::Value(v);
            }
            let mut st = self.lock();
            return match self.ring_take(ring, &mut st) {
                Some(v) => RecvPoll::Value(v),
                None if st.closed => RecvPoll::Closed,
                None => RecvPoll::Pending,
            };
        }
        let mut st = self.lock();
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
