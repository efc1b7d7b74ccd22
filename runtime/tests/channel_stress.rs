//! Stress tests of `Channel<T>`: many producer and consumer tasks on several
//! workers over unbuffered (0) and buffered (1, 16) channels. Every value is
//! a distinct id, and a ledger records what each send returned and how often
//! each id was received:
//!
//! - a value whose send returned `Sent` is received exactly once;
//! - a value whose send returned `Closed` (or was never sent) is never received;
//! - a value whose send was cancelled is received at most once.
//!
//! Where the test can, it closes the channel only after every value has been
//! received, so a lost wake-up (a value left in the channel while every
//! consumer sleeps) is a hang that the watchdog reports.

#[path = "harness.rs"]
mod harness;

use harness::*;
use runtime::{Channel, Poll, RecvOp, RecvPoll, SendOp, SendOutcome, Shared, TrySend};
use std::sync::atomic::{AtomicI64, AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(30);

/// The capacities every scenario runs with: unbuffered (hand-off under the
/// lock), buffered in the lock-free ring (1 and 16: full or empty at nearly
/// every step, and room for a burst), and a capacity too large for the ring
/// (its buffer is kept under the lock).
const CAPS: [usize; 4] = [0, 1, 16, runtime::channel::RING_MAX_CAPACITY + 1];
const WAIT: Duration = Duration::from_secs(20);

const NOT_SENT: u8 = 0;
const SENT: u8 = 1;
const CLOSED: u8 = 2;
const CANCELLED: u8 = 3;

struct Ledger {
    outcome: Vec<AtomicU8>,
    recv: Vec<AtomicU32>,
    received: AtomicU64,
}

impl Ledger {
    fn new(n: usize) -> Arc<Ledger> {
        Arc::new(Ledger {
            outcome: (0..n).map(|_| AtomicU8::new(NOT_SENT)).collect(),
            recv: (0..n).map(|_| AtomicU32::new(0)).collect(),
            received: AtomicU64::new(0),
        })
    }

    fn set(&self, v: u64, o: u8) {
        let prev = self.outcome[v as usize].swap(o, Ordering::SeqCst);
        if prev != NOT_SENT {
            violation(format!("value {v}: two send outcomes ({prev} then {o})"));
        }
    }

    fn got(&self, v: u64) {
        match self.recv.get(v as usize) {
            Some(c) => {
                if c.fetch_add(1, Ordering::SeqCst) != 0 {
                    violation(format!("value {v} received twice"));
                }
            }
            None => violation(format!("received a value never sent: {v}")),
        }
        self.received.fetch_add(1, Ordering::SeqCst);
    }

    fn received(&self) -> u64 {
        self.received.load(Ordering::SeqCst)
    }

    fn count(&self, o: u8) -> usize {
        self.outcome.iter().filter(|x| x.load(Ordering::SeqCst) == o).count()
    }

    /// Checks the ledger rules; `all_sent`: no close raced, every value must be Sent.
    fn check(&self, all_sent: bool, ctx: &str) {
        let mut errs = Vec::new();
        for (v, (o, r)) in self.outcome.iter().zip(&self.recv).enumerate() {
            let (o, r) = (o.load(Ordering::SeqCst), r.load(Ordering::SeqCst));
            let ok = match o {
                SENT => r == 1,
                NOT_SENT | CLOSED => r == 0 && !all_sent,
                _ => r <= 1 && !all_sent,
            };
            if !ok && errs.len() < 10 {
                let name = ["never sent", "Sent", "Closed", "cancelled"][o as usize];
                errs.push(format!("value {v}: send outcome {name}, received {r} time(s)"));
            }
        }
        assert!(errs.is_empty(), "{ctx}: ledger broken:\n{}", errs.join("\n"));
    }
}

#[derive(Clone, Copy, Debug)]
enum Prod {
    /// `poll_send`, waiting when needed.
    Block,
    /// `try_send`, yielding while full.
    Try,
    /// `poll_send`, but every `n`-th time it had to wait it cancels the send
    /// on its next poll (`cancel_send`) and moves on.
    Cancel(u32),
}

/// A producer of `vals`; `on_done` runs once when it stops (all sent or closed).
fn producer(
    shared: &Arc<Shared>,
    ch: Arc<Channel<u64>>,
    vals: Vec<u64>,
    led: Arc<Ledger>,
    mode: Prod,
    mut on_done: impl FnMut() + Send + 'static,
) {
    let mut i = 0;
    let mut op = SendOp::default();
    let mut slot: Option<u64> = None;
    let mut started = false;
    let mut waits = 0u32;
    let mut parked = false;
    spawn(shared, move |t| {
        let w = t.waker();
        let mut budget = 64;
        loop {
            if i == vals.len() {
                on_done();
                return Poll::Done;
            }
            let v = vals[i];
            if !started {
                slot = Some(v);
                started = true;
            }
            let res = match mode {
                Prod::Try => match ch.try_send(slot.take().unwrap_or(v)) {
                    TrySend::Sent => Some(SendOutcome::Sent),
                    TrySend::Closed(_) => Some(SendOutcome::Closed),
                    TrySend::Full(x) => {
                        slot = Some(x);
                        return Poll::Yield;
                    }
                },
                Prod::Cancel(n) if parked => {
                    parked = false;
                    waits += 1;
                    if waits % n == 0 {
                        ch.cancel_send(&mut op);
                        led.set(v, CANCELLED);
                        i += 1;
                        started = false;
                        continue;
                    }
                    ch.poll_send(&mut op, &mut slot, &w)
                }
                _ => ch.poll_send(&mut op, &mut slot, &w),
            };
            match res {
                Some(SendOutcome::Sent) => {
                    led.set(v, SENT);
                    i += 1;
                    started = false;
                }
                Some(SendOutcome::Closed) => {
                    led.set(v, CLOSED);
                    on_done();
                    return Poll::Done;
                }
                None => {
                    parked = true;
                    return Poll::Pending;
                }
            }
            budget -= 1;
            if budget == 0 {
                return Poll::Yield;
            }
        }
    });
}

#[derive(Clone, Copy, Debug)]
enum Cons {
    /// `poll_recv`, waiting when needed.
    Block,
    /// `try_recv`, yielding when empty.
    Try,
    /// Waits once, and when woken cancels the receive (`cancel_recv`) instead
    /// of taking the value, then quits (a cancelled task whose wake-up must be
    /// passed on).
    Flaky,
}

/// Flaky consumers replace themselves (a fresh task) while `respawns` lasts.
fn consumer(
    shared: &Arc<Shared>,
    ch: Arc<Channel<u64>>,
    led: Arc<Ledger>,
    mode: Cons,
    respawns: Arc<AtomicI64>,
    mut on_done: Box<dyn FnMut() + Send>,
) {
    let mut op = RecvOp::default();
    let mut waited = false;
    spawn(shared, move |t| {
        let w = t.waker();
        let mut budget = 64;
        loop {
            if waited && matches!(mode, Cons::Flaky) {
                ch.cancel_recv(&mut op);
                if respawns.fetch_sub(1, Ordering::SeqCst) > 0 {
                    consumer(t.shared(), ch.clone(), led.clone(), mode, respawns.clone(), Box::new(|| {}));
                }
                on_done();
                return Poll::Done;
            }
            let r = match mode {
                Cons::Try => ch.try_recv(),
                _ => ch.poll_recv(&mut op, &w),
            };
            match r {
                RecvPoll::Value(v) => led.got(v),
                RecvPoll::Closed => {
                    on_done();
                    return Poll::Done;
                }
                RecvPoll::Pending if matches!(mode, Cons::Try) => return Poll::Yield,
                RecvPoll::Pending => {
                    waited = true;
                    return Poll::Pending;
                }
            }
            budget -= 1;
            if budget == 0 {
                return Poll::Yield;
            }
        }
    });
}

/// Splits ids 0..n over `p` producers (interleaved).
fn split(n: usize, p: usize) -> Vec<Vec<u64>> {
    (0..p).map(|k| (k..n).step_by(p).map(|v| v as u64).collect()).collect()
}

/// Runs one scenario. `close_after`: None = close once every value is
/// received (lost wakes hang); Some(d) = a close races with the traffic after d.
#[allow(clippy::too_many_arguments)]
fn scenario(
    workers: usize,
    cap: usize,
    n: usize,
    prods: &[Prod],
    conss: &[Cons],
    close_after: Option<Duration>,
    ctx: &str,
) -> Arc<Ledger> {
    let env = Env::new(workers);
    let ch = Arc::new(Channel::<u64>::new(cap));
    let led = Ledger::new(n);
    let prod_done = Arc::new(Count::default());
    let cons_done = Arc::new(Count::default());
    for (vals, &mode) in split(n, prods.len()).into_iter().zip(prods) {
        let d = prod_done.clone();
        producer(&env.shared, ch.clone(), vals, led.clone(), mode, move || {
            d.inc();
        });
    }
    let stable = conss.iter().filter(|c| !matches!(c, Cons::Flaky)).count() as u64;
    // Up to n/2 cancelled-after-wake receives in all.
    let respawns = Arc::new(AtomicI64::new(n as i64 / 2));
    for &mode in conss {
        let d = cons_done.clone();
        consumer(
            &env.shared,
            ch.clone(),
            led.clone(),
            mode,
            respawns.clone(),
            Box::new(move || {
                if !matches!(mode, Cons::Flaky) {
                    d.inc();
                }
            }),
        );
    }
    let desc = || format!("{ctx}: workers {workers}, cap {cap}");
    match close_after {
        None => {
            let l = led.clone();
            wait_until(
                WAIT,
                || l.received() == n as u64,
                || format!("{}: {} of {n} values received (LOST WAKE-UP if this hangs)", desc(), l.received()),
            );
            let p = prod_done.clone();
            wait_until(WAIT, || p.get() == prods.len() as u64, || format!("{}: producers done", desc()));
        }
        Some(d) => {
            std::thread::sleep(d);
        }
    }
    ch.close();
    let c = cons_done.clone();
    wait_until(
        WAIT,
        || c.get() == stable,
        || format!("{}: {} of {stable} consumers finished after close", desc(), c.get()),
    );
    let p = prod_done.clone();
    wait_until(
        WAIT,
        || p.get() == prods.len() as u64,
        || format!("{}: {} producers finished after close", desc(), p.get()),
    );
    wait_quiescent(&env.shared, WAIT);
    led.check(close_after.is_none() && !prods.iter().any(|p| matches!(p, Prod::Cancel(_))), &desc());
    // The channel is closed and drained.
    assert!(matches!(ch.try_recv(), RecvPoll::Closed), "{}: closed channel not drained", desc());
    env.finish();
    led
}

#[test]
fn mpmc_exact_multiset() {
    watchdog("mpmc_exact", LIMIT, || {
        for workers in [2, 4, 8] {
            for cap in CAPS {
                scenario(workers, cap, 40_000, &[Prod::Block; 8], &[Cons::Block; 8], None, "mpmc");
            }
        }
    });
}

#[test]
fn mpmc_one_producer_many_consumers_and_reverse() {
    watchdog("mpmc_fan", LIMIT, || {
        for workers in [2, 4] {
            for cap in CAPS {
                scenario(workers, cap, 20_000, &[Prod::Block], &[Cons::Block; 16], None, "fan-out");
                scenario(workers, cap, 20_000, &[Prod::Block; 16], &[Cons::Block], None, "fan-in");
            }
        }
    });
}

/// Receivers cancelled right after being woken must pass the wake-up on:
/// the remaining consumers still get every value (closing only at the end,
/// a lost wake-up hangs).
#[test]
fn cancel_recv_after_wake_loses_nothing() {
    watchdog("cancel_recv_after_wake", LIMIT, || {
        for workers in [2, 4, 8] {
            for cap in CAPS {
                let mut conss = vec![Cons::Block; 2];
                conss.extend([Cons::Flaky; 6]);
                scenario(workers, cap, 30_000, &[Prod::Block; 6], &conss, None, "flaky consumers");
            }
        }
    });
}

/// The focused form: each round, one value goes to a channel on which one
/// real receiver and several "flaky" receivers wait (in random order, plus
/// the flaky ones left over from earlier rounds). A flaky receiver that is
/// woken cancels (`cancel_recv`) instead of taking the value; the wake-up
/// must travel on until the real receiver gets the value. Nothing else
/// touches the channel, so a dropped wake-up leaves the value stranded.
#[test]
fn cancelled_receiver_passes_wake_on() {
    watchdog("cancel_recv_pass_on", LIMIT, || {
        let mut rng = Rng::new(seed());
        for workers in [1, 2, 4] {
            for cap in CAPS {
                let env = Env::new(workers);
                let ch = Arc::new(Channel::<u64>::new(cap));
                let rounds = 1_500u64;
                let registered = Arc::new(Count::default());
                let got = Arc::new(AtomicU64::new(u64::MAX));
                let mut expected_registrations = 0;
                for round in 0..rounds {
                    let flaky = 1 + rng.below(4);
                    let real_at = rng.below(flaky + 1);
                    for k in 0..=flaky {
                        let (ch, registered, got) = (ch.clone(), registered.clone(), got.clone());
                        let real = k == real_at;
                        let mut op = RecvOp::default();
                        let mut waited = false;
                        spawn(&env.shared, move |t| {
                            if waited && !real {
                                ch.cancel_recv(&mut op);
                                return Poll::Done;
                            }
                            match ch.poll_recv(&mut op, &t.waker()) {
                                RecvPoll::Value(v) if real => {
                                    got.store(v, Ordering::SeqCst);
                                    Poll::Done
                                }
                                RecvPoll::Value(v) => {
                                    violation(format!("a flaky receiver took value {v} on its first poll"));
                                    Poll::Done
                                }
                                RecvPoll::Closed => Poll::Done,
                                RecvPoll::Pending => {
                                    if !waited {
                                        waited = true;
                                        registered.inc();
                                    }
                                    Poll::Pending
                                }
                            }
                        });
                    }
                    expected_registrations += flaky + 1;
                    let r = registered.clone();
                    wait_until(WAIT, || r.get() == expected_registrations, || "receivers registered".into());
                    wait_quiescent(&env.shared, WAIT);
                    assert!(matches!(ch.try_send(round), TrySend::Sent), "receivers are waiting: try_send succeeds");
                    let g = got.clone();
                    wait_until(
                        Duration::from_secs(5),
                        || g.load(Ordering::SeqCst) == round,
                        || {
                            format!("workers {workers} cap {cap} round {round}: the real receiver never got the value (LOST WAKE-UP after cancel_recv)")
                        },
                    );
                    // Wait for the real receiver's task to finish before the next round.
                    wait_quiescent(&env.shared, WAIT);
                }
                ch.close();
                wait_quiescent(&env.shared, WAIT);
                env.finish();
            }
        }
    });
}

/// `try_recv` consumers mixed with waiting ones, waiting producers.
#[test]
fn try_recv_mixed_with_poll_recv() {
    watchdog("try_recv_mixed", LIMIT, || {
        for workers in [2, 4] {
            for cap in CAPS {
                let conss = [Cons::Try, Cons::Block, Cons::Try, Cons::Block];
                scenario(workers, cap, 20_000, &[Prod::Block; 4], &conss, None, "try_recv mixed");
            }
        }
    });
}

/// A close racing with sends and receives: Sent values are received exactly
/// once, Closed ones never.
#[test]
fn close_races_with_traffic() {
    watchdog("close_race", LIMIT, || {
        let mut rng = Rng::new(seed());
        for round in 0..6 {
            for workers in [2, 4, 8] {
                for cap in CAPS {
                    let delay = Duration::from_micros(rng.below(3_000));
                    let conss = [Cons::Block, Cons::Block, Cons::Block, Cons::Flaky, Cons::Flaky, Cons::Block];
                    let led = scenario(
                        workers,
                        cap,
                        20_000,
                        &[Prod::Block; 6],
                        &conss,
                        Some(delay),
                        &format!("close race (round {round}, close after {delay:?})"),
                    );
                    let _ = led.count(CLOSED);
                }
            }
        }
    });
}

/// Senders cancelled while parked (`cancel_send`): no value is duplicated,
/// every Sent value arrives, nothing arrives that was not offered.
#[test]
fn cancel_send_while_parked() {
    watchdog("cancel_send", LIMIT, || {
        for workers in [2, 4] {
            for cap in CAPS {
                let prods = [Prod::Cancel(2), Prod::Cancel(3), Prod::Block, Prod::Cancel(1)];
                // Receivers are slower than senders so that sends park.
                scenario(workers, cap, 6_000, &prods, &[Cons::Block; 2], Some(Duration::from_millis(0)), "cancel_send")
                    .check(false, "cancel_send");
                // And once with a close only at the end: every value is either
                // Sent (and received) or cancelled.
                let led = scenario(workers, cap, 6_000, &prods, &[Cons::Block; 2], None, "cancel_send (no close race)");
                assert_eq!(led.count(NOT_SENT) + led.count(CLOSED), 0);
            }
        }
    });
}

/// `try_send` producers against a concurrent close: a value for which
/// `try_send` returned Sent must be received.
#[test]
fn try_send_values_survive_close() {
    watchdog("try_send_close", LIMIT, || {
        let mut rng = Rng::new(seed());
        for round in 0..4 {
            for workers in [2, 4] {
                for cap in CAPS {
                    let delay = Duration::from_micros(rng.below(2_000));
                    let conss = [Cons::Block, Cons::Flaky, Cons::Block, Cons::Flaky, Cons::Flaky];
                    scenario(
                        workers,
                        cap,
                        10_000,
                        &[Prod::Try; 4],
                        &conss,
                        Some(delay),
                        &format!("try_send vs close (round {round}, close after {delay:?})"),
                    );
                }
            }
        }
    });
}

/// The smallest form of the `try_send` problem, with no concurrency at all:
/// an unbuffered `try_send` to a waiting receiver returns Sent, then the
/// channel is closed before the receiver runs; the receiver must still get
/// the value (it was reported as sent, and buffered values survive a close).
#[test]
fn unbuffered_try_send_then_close_keeps_the_value() {
    watchdog("try_send_close_minimal", LIMIT, || {
        let env = Env::new(1);
        let rx = FnTask::new(&env.shared, |_| Poll::Pending); // never spawned: only its waker is used
        let w = rx.waker();
        let ch = Channel::<u64>::new(0);
        let mut op = RecvOp::default();
        assert!(matches!(ch.poll_recv(&mut op, &w), RecvPoll::Pending));
        assert!(matches!(ch.try_send(7), TrySend::Sent), "a receiver is waiting: try_send succeeds");
        ch.close();
        let got = ch.poll_recv(&mut op, &w);
        assert!(matches!(got, RecvPoll::Value(7)), "try_send returned Sent, but the receiver got {got:?}");
        env.finish();
    });
}

/// Select-style consumers: one task waits on two channels with one waker,
/// takes the first value and cancels the other receive (which may have been
/// woken too). Channel A is closed by its producers while B's traffic goes on.
#[test]
fn select_over_two_channels_with_close() {
    watchdog("select", LIMIT, || {
        for workers in [2, 4, 8] {
            for (cap_a, cap_b) in [(0, 0), (1, 16), (16, 0), (CAPS[3], 1)] {
                let env = Env::new(workers);
                let a = Arc::new(Channel::<u64>::new(cap_a));
                let b = Arc::new(Channel::<u64>::new(cap_b));
                let n = 30_000;
                let led = Ledger::new(n);
                // Even ids through A, odd through B.
                let a_done = Arc::new(Count::default());
                for k in 0..3u64 {
                    let vals: Vec<u64> = (0..n as u64).filter(|v| v % 2 == 0 && (v / 2) % 3 == k).collect();
                    let (ad, a2) = (a_done.clone(), a.clone());
                    producer(&env.shared, a.clone(), vals, led.clone(), Prod::Block, move || {
                        if ad.inc() == 3 {
                            a2.close();
                        }
                    });
                }
                for k in 0..3u64 {
                    let vals: Vec<u64> = (0..n as u64).filter(|v| v % 2 == 1 && (v / 2) % 3 == k).collect();
                    producer(&env.shared, b.clone(), vals, led.clone(), Prod::Block, || {});
                }
                let finished = Arc::new(Count::default());
                let selectors = 6;
                for s in 0..selectors {
                    let (a, b, led, fin) = (a.clone(), b.clone(), led.clone(), finished.clone());
                    let mut ops = [RecvOp::default(), RecvOp::default()];
                    let mut turn = s;
                    spawn(&env.shared, move |t| {
                        let w = t.waker();
                        let chans = [&a, &b];
                        loop {
                            turn += 1;
                            let first = turn % 2;
                            let mut open = 0;
                            let mut won = None;
                            for k in [first, 1 - first] {
                                match chans[k].poll_recv(&mut ops[k], &w) {
                                    RecvPoll::Value(v) => {
                                        won = Some((k, v));
                                        break;
                                    }
                                    RecvPoll::Closed => {}
                                    RecvPoll::Pending => open += 1,
                                }
                            }
                            match won {
                                Some((k, v)) => {
                                    chans[1 - k].cancel_recv(&mut ops[1 - k]);
                                    led.got(v);
                                }
                                None if open == 0 => {
                                    fin.inc();
                                    return Poll::Done;
                                }
                                None => return Poll::Pending,
                            }
                        }
                    });
                }
                let l = led.clone();
                wait_until(
                    WAIT,
                    || l.received() == n as u64,
                    || format!("select workers {workers} caps ({cap_a},{cap_b}): {} of {n} received", l.received()),
                );
                b.close();
                let f = finished.clone();
                wait_until(
                    WAIT,
                    || f.get() == selectors as u64,
                    || format!("{} of {selectors} selectors finished", f.get()),
                );
                wait_quiescent(&env.shared, WAIT);
                led.check(true, &format!("select workers {workers} caps ({cap_a},{cap_b})"));
                env.finish();
            }
        }
    });
}

/// Channels carry owned values: every value is dropped exactly once, whether
/// received, left buffered at close, or withdrawn by a cancelled send.
#[test]
fn values_are_dropped_exactly_once() {
    struct Tracked(Arc<AtomicU64>);
    impl Drop for Tracked {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    watchdog("drops", LIMIT, || {
        for cap in CAPS {
            let env = Env::new(4);
            let drops = Arc::new(AtomicU64::new(0));
            let made = Arc::new(AtomicU64::new(0));
            let ch = Arc::new(Channel::<Tracked>::new(cap));
            let done = Arc::new(Count::default());
            for _ in 0..4 {
                let (ch, drops, made, done) = (ch.clone(), drops.clone(), made.clone(), done.clone());
                let mut op = SendOp::default();
                let mut slot: Option<Tracked> = None;
                let mut k = 0;
                let mut parked = false;
                spawn(&env.shared, move |t| loop {
                    if k == 500 {
                        done.inc();
                        return Poll::Done;
                    }
                    if !parked {
                        made.fetch_add(1, Ordering::SeqCst);
                        slot = Some(Tracked(drops.clone()));
                    }
                    match ch.poll_send(&mut op, &mut slot, &t.waker()) {
                        Some(_) => {
                            parked = false;
                            k += 1;
                        }
                        None => {
                            parked = true;
                            return Poll::Pending;
                        }
                    }
                });
            }
            let received = Arc::new(AtomicU64::new(0));
            {
                let (ch, received) = (ch.clone(), received.clone());
                let mut op = RecvOp::default();
                spawn(&env.shared, move |t| loop {
                    if received.load(Ordering::SeqCst) >= 1_000 {
                        return Poll::Done;
                    }
                    match ch.poll_recv(&mut op, &t.waker()) {
                        RecvPoll::Value(v) => {
                            drop(v);
                            received.fetch_add(1, Ordering::SeqCst);
                        }
                        RecvPoll::Closed => return Poll::Done,
                        RecvPoll::Pending => return Poll::Pending,
                    }
                });
            }
            let r = received.clone();
            wait_until(WAIT, || r.load(Ordering::SeqCst) >= 1_000, || "1000 received".into());
            ch.close();
            let d = done.clone();
            wait_until(WAIT, || d.get() == 4, || format!("{} of 4 senders done after close", d.get()));
            wait_quiescent(&env.shared, WAIT);
            // Drain what is still buffered.
            while let RecvPoll::Value(v) = ch.try_recv() {
                drop(v);
            }
            assert_eq!(drops.load(Ordering::SeqCst), made.load(Ordering::SeqCst), "cap {cap}: values made vs dropped");
            env.finish();
        }
    });
}
