//! Shared test support for the runtime stress tests (each test file includes
//! it with `#[path = "harness.rs"] mod harness;`; compiled on its own it is an
//! empty test crate).
//!
//! - `FnTask`: a `Schedulable` whose poll runs a closure. It records every
//!   protocol violation it can see (two polls at once, a poll after `Done`, a
//!   panic in the body) instead of unwinding a worker thread.
//! - `Env`: a real-time `Runtime` plus a *sentinel* timer one hour away. Idle
//!   workers then park until that deadline instead of the scheduler's 50 ms
//!   safety tick, so a lost wake-up is a hang (caught by the watchdog), not a
//!   50 ms hiccup that a test could never see.
//! - `watchdog`: runs a test body on its own thread, serialised with the other
//!   tests of the binary (timing is then predictable on a small machine), and
//!   fails the test if it does not finish in time.
#![allow(dead_code)]

use runtime::{Poll, Runtime, Schedulable, Shared, TaskHeader, TimerHandle, Waker};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

static SERIAL: Mutex<()> = Mutex::new(());
static VIOLATIONS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Records a broken invariant seen on a worker thread (asserting there would
/// kill the worker and turn the failure into a hang).
pub fn violation(msg: impl Into<String>) {
    let mut v = VIOLATIONS.lock().unwrap_or_else(|e| e.into_inner());
    if v.len() < 20 {
        v.push(msg.into());
    }
}

fn take_violations() -> Vec<String> {
    std::mem::take(&mut *VIOLATIONS.lock().unwrap_or_else(|e| e.into_inner()))
}

/// Runs `body` with a time limit; fails on timeout, panic or any recorded violation.
pub fn watchdog<F: FnOnce() + Send + 'static>(name: &str, limit: Duration, body: F) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    take_violations();
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::Builder::new()
        .name(format!("test-body-{name}"))
        .spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(body));
            let _ = tx.send(r);
        })
        .expect("spawn test body");
    match rx.recv_timeout(limit) {
        Ok(Ok(())) => {}
        Ok(Err(p)) => {
            let v = take_violations();
            if !v.is_empty() {
                eprintln!("{name}: violations seen before the panic: {v:#?}");
            }
            resume_unwind(p)
        }
        Err(_) => {
            let v = take_violations();
            panic!("{name}: WATCHDOG: not finished after {limit:?} (a hang: lost wake-up or stuck task); violations: {v:?}")
        }
    }
    let v = take_violations();
    assert!(v.is_empty(), "{name}: protocol violations: {v:#?}");
    eprintln!("{name}: ok in {:?}", start.elapsed());
}

type Body = Box<dyn FnMut(&Arc<FnTask>) -> Poll + Send>;

/// A task whose poll calls a closure.
pub struct FnTask {
    header: TaskHeader,
    shared: Arc<Shared>,
    body: Mutex<Body>,
    finished: AtomicBool,
    pub polls: AtomicUsize,
}

impl FnTask {
    pub fn new(shared: &Arc<Shared>, f: impl FnMut(&Arc<FnTask>) -> Poll + Send + 'static) -> Arc<FnTask> {
        Arc::new(FnTask {
            header: TaskHeader::new(),
            shared: shared.clone(),
            body: Mutex::new(Box::new(f)),
            finished: AtomicBool::new(false),
            polls: AtomicUsize::new(0),
        })
    }

    pub fn waker(self: &Arc<Self>) -> Waker {
        Waker::new(self.clone())
    }

    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    pub fn polls(&self) -> usize {
        self.polls.load(Ordering::SeqCst)
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::SeqCst)
    }
}

impl Schedulable for FnTask {
    fn header(&self) -> &TaskHeader {
        &self.header
    }

    fn runtime(&self) -> Option<&Arc<Shared>> {
        Some(&self.shared)
    }

    fn poll(self: Arc<Self>) -> Poll {
        if self.finished.load(Ordering::SeqCst) {
            violation("a task was polled after it returned Done");
            return Poll::Done;
        }
        let mut body = match self.body.try_lock() {
            Ok(b) => b,
            Err(std::sync::TryLockError::WouldBlock) => {
                violation("a task was polled by two workers at once");
                return Poll::Pending;
            }
            Err(std::sync::TryLockError::Poisoned(_)) => {
                violation("a task was polled after its body panicked");
                return Poll::Done;
            }
        };
        self.polls.fetch_add(1, Ordering::SeqCst);
        match catch_unwind(AssertUnwindSafe(|| body(&self))) {
            Ok(p) => {
                if p == Poll::Done {
                    self.finished.store(true, Ordering::SeqCst);
                }
                p
            }
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                violation(format!("task body panicked: {msg}"));
                self.finished.store(true, Ordering::SeqCst);
                Poll::Done
            }
        }
    }
}

/// Creates and spawns a task.
pub fn spawn(shared: &Arc<Shared>, f: impl FnMut(&Arc<FnTask>) -> Poll + Send + 'static) -> Arc<FnTask> {
    let t = FnTask::new(shared, f);
    shared.spawn(t.clone());
    t
}

/// A runtime whose idle workers park "forever" (see the module comment).
pub struct Env {
    rt: Option<Runtime>,
    sentinel: Option<TimerHandle>,
    pub shared: Arc<Shared>,
}

impl Env {
    pub fn new(workers: usize) -> Env {
        Env::with_clock(workers, false)
    }

    pub fn with_clock(workers: usize, virtual_time: bool) -> Env {
        let rt = Runtime::new(workers, virtual_time);
        let shared = rt.shared.clone();
        let sentinel = if virtual_time {
            None
        } else {
            let never = FnTask::new(&shared, |_| {
                violation("the one-hour sentinel timer fired");
                Poll::Done
            });
            let deadline = shared.clock.now_ns() + 3_600_000_000_000;
            Some(shared.timers.add(deadline, never.waker()))
        };
        Env { rt: Some(rt), sentinel, shared }
    }

    /// Cancels the sentinel and joins the workers.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(s) = self.sentinel.take() {
            s.cancel();
        }
        if let Some(rt) = self.rt.take() {
            rt.shutdown();
        }
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Waits (sleeping briefly) until `cond` holds; panics with `what()` after `limit`.
pub fn wait_until(limit: Duration, mut cond: impl FnMut() -> bool, what: impl Fn() -> String) {
    let start = Instant::now();
    let mut spins = 0u32;
    while !cond() {
        if start.elapsed() > limit {
            panic!("gave up after {limit:?} waiting for: {}", what());
        }
        spins += 1;
        if spins < 100 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(Duration::from_micros(200));
        }
    }
}

/// Waits until no task is queued or running (the runtime's own count).
pub fn wait_quiescent(shared: &Arc<Shared>, limit: Duration) {
    wait_until(limit, || shared.runnable() == 0, || format!("runnable() == 0 (it is {})", shared.runnable()));
}

/// A counter with a target, for "all N tasks finished".
#[derive(Default)]
pub struct Count(pub AtomicU64);

impl Count {
    pub fn inc(&self) -> u64 {
        self.0.fetch_add(1, Ordering::SeqCst) + 1
    }
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// A small deterministic PRNG (xorshift64*), so runs are reproducible per seed.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Fresh seed per run (printed by callers on failure).
pub fn seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(42)
}
