//! Stress tests of `Semaphore` (and so `Lock`, a semaphore of one) and
//! `Event`: never more than N holders, every acquirer gets its turn, cancelled
//! acquirers (before or after being granted) leak no permit, events release
//! every waiter exactly once.

#[path = "harness.rs"]
mod harness;

use harness::*;
use runtime::{AcquireOp, Event, Poll, Semaphore, WaitOp};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(30);
const WAIT: Duration = Duration::from_secs(20);

struct Holders {
    now: AtomicUsize,
    max: AtomicUsize,
    total: AtomicU64,
}

impl Holders {
    fn new() -> Arc<Holders> {
        Arc::new(Holders { now: AtomicUsize::new(0), max: AtomicUsize::new(0), total: AtomicU64::new(0) })
    }
    fn enter(&self, limit: usize) {
        let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(n, Ordering::SeqCst);
        if n > limit {
            violation(format!("{n} holders of a semaphore of {limit}"));
        }
    }
    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
        self.total.fetch_add(1, Ordering::SeqCst);
    }
}

/// A task that acquires `rounds` times, holding the permit across one
/// reschedule (`Yield`) each time. With `try_first`, it tries `try_acquire`
/// before waiting.
fn acquirer(
    env: &Env,
    sem: Arc<Semaphore>,
    h: Arc<Holders>,
    rounds: u64,
    try_first: bool,
    done: Arc<Count>,
) -> Arc<FnTask> {
    let limit = sem.max();
    let mut op = AcquireOp::default();
    let mut k = 0;
    let mut holding = false;
    let mut waiting = false;
    spawn(&env.shared, move |t| loop {
        if holding {
            holding = false;
            h.leave();
            if !sem.release() {
                violation("release() of a held permit returned false");
            }
            k += 1;
        }
        if k == rounds {
            done.inc();
            return Poll::Done;
        }
        let got = if try_first && !waiting && sem.try_acquire() { true } else { sem.poll_acquire(&mut op, &t.waker()) };
        if got {
            waiting = false;
            h.enter(limit);
            holding = true;
            return Poll::Yield;
        }
        waiting = true;
        return Poll::Pending;
    })
}

#[test]
fn semaphore_bounds_holders_and_serves_everyone() {
    watchdog("sem_bound", LIMIT, || {
        for workers in [2, 4, 8] {
            for permits in [1, 3, 8] {
                let env = Env::new(workers);
                let sem = Arc::new(Semaphore::new(permits));
                let h = Holders::new();
                let done = Arc::new(Count::default());
                let tasks = 32;
                let rounds = 300;
                for i in 0..tasks {
                    acquirer(&env, sem.clone(), h.clone(), rounds, i % 3 == 0, done.clone());
                }
                let d = done.clone();
                wait_until(
                    WAIT,
                    || d.get() == tasks,
                    || format!("workers {workers} permits {permits}: {} of {tasks} acquirers done", d.get()),
                );
                wait_quiescent(&env.shared, WAIT);
                assert_eq!(h.total.load(Ordering::SeqCst), tasks * rounds);
                assert_eq!(sem.available(), permits, "workers {workers}: permits not all back");
                assert!(!sem.release(), "a release beyond the initial count must be refused");
                assert_eq!(sem.available(), permits);
                eprintln!("  workers {workers} permits {permits}: max holders {}", h.max.load(Ordering::SeqCst));
                env.finish();
            }
        }
    });
}

/// Acquirers cancelled while waiting — some before their grant, some after
/// it (the grant and the cancellation race) — hand every permit on: the
/// regular acquirers all finish and `available()` is back to N.
#[test]
fn cancelled_acquirers_leak_no_permit() {
    watchdog("sem_cancel", LIMIT, || {
        let mut rng = Rng::new(seed());
        for workers in [2, 4, 8] {
            for permits in [1, 2, 5] {
                let env = Env::new(workers);
                let sem = Arc::new(Semaphore::new(permits));
                let h = Holders::new();
                let done = Arc::new(Count::default());
                let regular = 16;
                let rounds = 200;
                for i in 0..regular {
                    acquirer(&env, sem.clone(), h.clone(), rounds, i % 4 == 0, done.clone());
                }
                // Cancellable acquirers: they wait; a canceller thread flags them
                // and wakes them (as `task.cancel()` does); on that poll they call
                // cancel_acquire (they may have been granted in the meantime).
                let victims = 400;
                let cancelled = Arc::new(Count::default());
                let granted_anyway = Arc::new(Count::default());
                let mut handles = Vec::new();
                for _ in 0..victims {
                    let flag = Arc::new(AtomicBool::new(false));
                    let (sem, h, cancelled, granted, f) =
                        (sem.clone(), h.clone(), cancelled.clone(), granted_anyway.clone(), flag.clone());
                    let mut op = AcquireOp::default();
                    let mut holding = false;
                    let t = spawn(&env.shared, move |t| {
                        if holding {
                            h.leave();
                            sem.release();
                            granted.inc();
                            return Poll::Done;
                        }
                        if f.load(Ordering::SeqCst) {
                            sem.cancel_acquire(&mut op);
                            cancelled.inc();
                            return Poll::Done;
                        }
                        if sem.poll_acquire(&mut op, &t.waker()) {
                            h.enter(sem.max());
                            holding = true;
                            return Poll::Yield;
                        }
                        Poll::Pending
                    });
                    handles.push((flag, t.waker()));
                }
                // Cancel them in random order at random moments.
                while !handles.is_empty() {
                    let i = rng.below(handles.len() as u64) as usize;
                    let (flag, w) = handles.swap_remove(i);
                    flag.store(true, Ordering::SeqCst);
                    w.wake();
                    if rng.below(8) == 0 {
                        std::thread::sleep(Duration::from_micros(rng.below(300)));
                    }
                }
                let (d, c, g) = (done.clone(), cancelled.clone(), granted_anyway.clone());
                wait_until(
                    WAIT,
                    || d.get() == regular && c.get() + g.get() == victims,
                    || {
                        format!(
                            "workers {workers} permits {permits}: regular {} of {regular}, victims {} of {victims}",
                            d.get(),
                            c.get() + g.get()
                        )
                    },
                );
                wait_quiescent(&env.shared, WAIT);
                assert_eq!(sem.available(), permits, "workers {workers}: a cancelled acquirer leaked a permit");
                assert_eq!(h.now.load(Ordering::SeqCst), 0);
                eprintln!(
                    "  workers {workers} permits {permits}: {} victims cancelled, {} got the permit first",
                    cancelled.get(),
                    granted_anyway.get()
                );
                env.finish();
            }
        }
    });
}

/// Deterministic FIFO: with the permits taken, waiters are granted in the
/// order they queued, a newcomer cannot barge in, and a granted waiter that
/// is cancelled hands its permit to the next one.
#[test]
fn semaphore_fifo_grants_and_cancel_hand_over() {
    watchdog("sem_fifo", LIMIT, || {
        let env = Env::new(1);
        let sem = Semaphore::new(2);
        let dummy = |_: &Arc<FnTask>| Poll::Pending;
        let tasks: Vec<_> = (0..6).map(|_| FnTask::new(&env.shared, dummy)).collect();
        let wakers: Vec<_> = tasks.iter().map(|t| t.waker()).collect();
        let mut ops: Vec<AcquireOp> = (0..6).map(|_| AcquireOp::default()).collect();
        assert!(sem.poll_acquire(&mut ops[0], &wakers[0]));
        assert!(sem.poll_acquire(&mut ops[1], &wakers[1]));
        for i in 2..6 {
            assert!(!sem.poll_acquire(&mut ops[i], &wakers[i]), "waiter {i} must queue");
        }
        assert!(!sem.try_acquire(), "no barging while waiters queue");
        assert!(sem.release()); // -> waiter 2
        assert!(!sem.poll_acquire(&mut ops[3], &wakers[3]), "waiter 3 is not first");
        assert!(sem.poll_acquire(&mut ops[2], &wakers[2]), "waiter 2 was granted");
        assert!(sem.release()); // -> waiter 3 (granted, but it is cancelled)
        sem.cancel_acquire(&mut ops[3]); // hands on to waiter 4
        assert!(sem.poll_acquire(&mut ops[4], &wakers[4]), "waiter 4 got the cancelled grant");
        sem.cancel_acquire(&mut ops[5]); // cancelled before any grant
        assert_eq!(sem.available(), 0);
        // Holders now: 2 and 4.
        for _ in 0..2 {
            assert!(sem.release());
        }
        assert_eq!(sem.available(), 2);
        assert!(!sem.release());
        env.finish();
    });
}

/// Many tasks wait on one Event; it is set once while they are still
/// registering: every waiter completes, exactly once.
#[test]
fn event_releases_every_waiter() {
    watchdog("event_all", LIMIT, || {
        for workers in [1, 2, 4, 8] {
            let env = Env::new(workers);
            let ev = Arc::new(Event::new());
            let n = 5_000;
            let done = Arc::new(Count::default());
            for i in 0..n {
                let (e, done) = (ev.clone(), done.clone());
                let mut op = WaitOp::default();
                spawn(&env.shared, move |t| {
                    if e.poll_wait(&mut op, &t.waker()) {
                        done.inc();
                        Poll::Done
                    } else {
                        Poll::Pending
                    }
                });
                if i == n / 2 {
                    ev.set();
                }
            }
            let d = done.clone();
            wait_until(WAIT, || d.get() == n, || format!("workers {workers}: {} of {n} waiters released", d.get()));
            wait_quiescent(&env.shared, WAIT);
            assert!(ev.is_set());
            env.finish();
        }
    });
}

/// A waiter that was blocked when `set()` was called is released even if
/// `clear()` follows at once (asyncio's and Python threading's Event
/// semantics: `set` releases every current waiter; a later `clear` only
/// affects future waits). Deterministic: the one worker is kept busy while
/// `set(); clear()` happens, so no woken waiter can run in between.
#[test]
fn event_set_then_clear_releases_current_waiters() {
    watchdog("event_pulse", LIMIT, || {
        let env = Env::new(1);
        let ev = Arc::new(Event::new());
        let n = 100;
        let waiting = Arc::new(Count::default());
        let done = Arc::new(Count::default());
        for _ in 0..n {
            let (ev, done, waiting) = (ev.clone(), done.clone(), waiting.clone());
            let mut first = true;
            let mut op = WaitOp::default();
            spawn(&env.shared, move |t| {
                if ev.poll_wait(&mut op, &t.waker()) {
                    done.inc();
                    return Poll::Done;
                }
                if first {
                    first = false;
                    waiting.inc();
                }
                Poll::Pending
            });
        }
        let w = waiting.clone();
        wait_until(WAIT, || w.get() == n, || "all waiting".into());
        wait_quiescent(&env.shared, WAIT);
        let release = Arc::new(AtomicBool::new(false));
        let busy = Arc::new(AtomicBool::new(false));
        let (r, b) = (release.clone(), busy.clone());
        spawn(&env.shared, move |_| {
            b.store(true, Ordering::SeqCst);
            while !r.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
            Poll::Done
        });
        wait_until(WAIT, || busy.load(Ordering::SeqCst), || "blocker running".into());
        ev.set();
        ev.clear();
        release.store(true, Ordering::SeqCst);
        let d = done.clone();
        let start = Instant::now();
        while d.get() < n && start.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(d.get(), n, "waiters blocked at set() must be released by it, even if clear() follows");
        env.finish();
    });
}

/// Registering many waiters on one Event must stay roughly linear (each
/// registration scans the waiter list for duplicates).
#[test]
fn event_many_waiters_register_in_linear_time() {
    watchdog("event_scaling", LIMIT, || {
        let env = Env::new(2);
        let mut times = Vec::new();
        // Each size is timed three times and the fastest run counts, so one
        // descheduled moment on a loaded machine does not read as quadratic;
        // the sizes keep each run well above a scheduler tick (10 000 waiters
        // took ~2.5 ms, short enough for one hiccup to read as a 9x ratio).
        for n in [25_000u64, 25_000, 25_000, 100_000, 100_000, 100_000] {
            let ev = Arc::new(Event::new());
            let waiting = Arc::new(Count::default());
            let start = Instant::now();
            for _ in 0..n {
                let (ev, waiting) = (ev.clone(), waiting.clone());
                let mut op = WaitOp::default();
                spawn(&env.shared, move |t| {
                    if ev.poll_wait(&mut op, &t.waker()) {
                        return Poll::Done;
                    }
                    waiting.inc();
                    Poll::Pending
                });
            }
            let w = waiting.clone();
            wait_until(WAIT, || w.get() == n, || format!("{} of {n} registered", w.get()));
            let took = start.elapsed();
            ev.set();
            wait_quiescent(&env.shared, WAIT);
            eprintln!("  {n} event waiters registered in {took:?}");
            times.push(took);
        }
        // 4x the waiters: linear ~4x, quadratic ~16x. Allow up to 8x (noise).
        let small = times[..3].iter().min().copied().unwrap_or_default();
        let large = times[3..].iter().min().copied().unwrap_or_default();
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-4);
        assert!(ratio < 8.0, "4x the waiters took {ratio:.1}x the time: registration is quadratic ({times:?})");
        env.finish();
    });
}
