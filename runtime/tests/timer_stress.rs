//! Stress tests of timers: under the virtual clock 10 000 timers fire each
//! exactly once, at exactly their deadline, in deadline order (and with one
//! worker, equal deadlines in registration order); cancelled timers never
//! fire and never move the virtual clock; under the real clock no timer
//! fires early and every one fires.

#[path = "harness.rs"]
mod harness;

use harness::*;
use runtime::{Poll, Shared, TimerHandle};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(30);
const WAIT: Duration = Duration::from_secs(20);
const MS: u64 = 1_000_000;

/// A task that sleeps until `deadline` (absolute ns), then logs (deadline, id, now).
fn sleeper(shared: &Arc<Shared>, id: usize, deadline: u64, log: Arc<Mutex<Vec<(u64, usize, u64)>>>) {
    let mut timer: Option<TimerHandle> = None;
    spawn(shared, move |t| {
        let now = t.shared().clock.now_ns();
        match timer {
            None => {
                if now >= deadline {
                    violation(format!("timer {id}: clock at {now} already past its deadline {deadline}"));
                }
                timer = Some(t.shared().timers.add(deadline, t.waker()));
                Poll::Pending
            }
            Some(_) => {
                log.lock().unwrap().push((deadline, id, now));
                Poll::Done
            }
        }
    });
}

fn virtual_run(workers: usize, n: usize, seed: u64) {
    let env = Env::with_clock(workers, true);
    let log = Arc::new(Mutex::new(Vec::with_capacity(n)));
    let mut rng = Rng::new(seed);
    // About 4 timers per distinct deadline, in random registration order.
    let deadlines: Vec<u64> = (0..n).map(|_| (1 + rng.below(n as u64 / 4)) * MS).collect();
    let cancelled_polls = Arc::new(AtomicU64::new(0));
    let late = (n as u64 / 4 + 10) * MS;
    {
        let (log, deadlines, cp) = (log.clone(), deadlines.clone(), cancelled_polls.clone());
        // The root spawns every sleeper (so the clock cannot move before all
        // are registered), plus sleepers whose timers are cancelled at once,
        // some with deadlines later than all the others.
        spawn(&env.shared, move |t| {
            for (id, &d) in deadlines.iter().enumerate() {
                sleeper(t.shared(), id, d, log.clone());
            }
            for k in 0..1_000u64 {
                let cp = cp.clone();
                let d = if k % 2 == 0 { (1 + k) * MS } else { late + k * MS };
                spawn(t.shared(), move |t| {
                    if cp.fetch_add(1, Ordering::SeqCst) >= 1_000 {
                        violation("a cancelled timer woke its task");
                    }
                    let h = t.shared().timers.add(d, t.waker());
                    h.cancel();
                    Poll::Pending
                });
            }
            Poll::Done
        });
    }
    let l = log.clone();
    wait_until(
        WAIT,
        || l.lock().unwrap().len() == n,
        || format!("workers {workers}: {} of {n} timers fired", l.lock().unwrap().len()),
    );
    wait_quiescent(&env.shared, WAIT);
    let log = log.lock().unwrap().clone();
    let mut fired = vec![0u32; n];
    for &(d, id, now) in &log {
        fired[id] += 1;
        assert_eq!(now, d, "timer {id} observed the virtual clock at {now}, not its deadline {d}");
    }
    assert!(fired.iter().all(|&c| c == 1), "workers {workers}: a timer fired twice or never");
    let order: Vec<u64> = log.iter().map(|e| e.0).collect();
    if let Some(i) = order.windows(2).position(|w| w[0] > w[1]) {
        panic!("workers {workers}: fired out of deadline order at position {i}: {} then {}", order[i], order[i + 1]);
    }
    if workers == 1 {
        // Equal deadlines fire in registration order (= id order: the root
        // spawned them in id order and one worker runs FIFO).
        let mut want: Vec<(u64, usize)> = deadlines.iter().enumerate().map(|(i, &d)| (d, i)).collect();
        want.sort();
        let got: Vec<(u64, usize)> = log.iter().map(|e| (e.0, e.1)).collect();
        assert!(got == want, "one worker: equal deadlines not in registration order");
    }
    assert_eq!(cancelled_polls.load(Ordering::SeqCst), 1_000, "cancelled timers must not wake their tasks");
    assert_eq!(env.shared.timers.live(), 0, "live timers after all fired or were cancelled");
    let max = *deadlines.iter().max().unwrap();
    assert_eq!(
        env.shared.clock.now_ns(),
        max,
        "the virtual clock moved past the last live deadline (to a cancelled one?)"
    );
    env.finish();
}

#[test]
fn ten_thousand_virtual_timers_fire_once_in_order() {
    watchdog("virtual_timers", LIMIT, || {
        let s = seed();
        eprintln!("  seed {s}");
        for workers in [1, 2, 4, 8] {
            virtual_run(workers, 10_000, s + workers as u64);
        }
    });
}

/// Real clock: 5 000 timers due within 300 ms each fire once, never early.
#[test]
fn real_timers_fire_once_never_early() {
    watchdog("real_timers", LIMIT, || {
        for workers in [1, 4] {
            let env = Env::new(workers);
            let n = 5_000;
            let log = Arc::new(Mutex::new(Vec::with_capacity(n)));
            let mut rng = Rng::new(seed());
            // Every sleeper must have registered before its deadline: 5 000
            // first polls take ~20 ms on a slow, shared machine, so leave
            // ten times that.
            let base = env.shared.clock.now_ns() + 200 * MS;
            let deadlines: Vec<u64> = (0..n).map(|_| base + rng.below(300) * MS).collect();
            let start = Instant::now();
            {
                let (log, deadlines) = (log.clone(), deadlines.clone());
                spawn(&env.shared, move |t| {
                    for (id, &d) in deadlines.iter().enumerate() {
                        sleeper(t.shared(), id, d, log.clone());
                    }
                    Poll::Done
                });
            }
            let l = log.clone();
            wait_until(
                WAIT,
                || l.lock().unwrap().len() == n,
                || format!("{} of {n} real timers fired", l.lock().unwrap().len()),
            );
            let took = start.elapsed();
            let log = log.lock().unwrap().clone();
            let mut fired = vec![0u32; n];
            let mut max_lag = 0;
            for &(d, id, now) in &log {
                fired[id] += 1;
                assert!(now >= d, "timer {id} fired {} ns early", d - now);
                max_lag = max_lag.max(now - d);
            }
            assert!(fired.iter().all(|&c| c == 1));
            eprintln!("  workers {workers}: all fired after {took:?}, max lag {:.1} ms", max_lag as f64 / 1e6);
            env.finish();
        }
    });
}

/// Timers registered while every worker is parked on a far-off deadline:
/// a task woken from outside registers a 10 ms timer; it must fire in about
/// 10 ms, not when the parked workers' earlier timeout (1 h) ends.
#[test]
fn new_earlier_timer_is_honoured_by_parked_workers() {
    watchdog("earlier_timer", LIMIT, || {
        for workers in [1, 2, 4] {
            let env = Env::new(workers);
            wait_quiescent(&env.shared, WAIT);
            std::thread::sleep(Duration::from_millis(20)); // let every worker park
            let log = Arc::new(Mutex::new(Vec::new()));
            let start = Instant::now();
            let d = env.shared.clock.now_ns() + 10 * MS;
            sleeper(&env.shared, 0, d, log.clone());
            let l = log.clone();
            wait_until(Duration::from_secs(5), || l.lock().unwrap().len() == 1, || "the 10 ms timer".into());
            let took = start.elapsed();
            assert!(took < Duration::from_millis(1_000), "workers {workers}: a 10 ms timer took {took:?}");
            env.finish();
        }
    });
}

/// An idle worker must never conclude "nothing runnable, no timer armed"
/// while another worker is firing a timer and waking its task: the idle
/// hook (the interpreter's deadlock check) would report a false
/// DeadlockError. Two workers, real clock, 1 500 short sleeps under CPU
/// load: the hook may run between sleeps, never during one. (The race it
/// guards was seen from the interpreter: ~0.5 % of runs of
/// async_22_event_atomic.mojo under load, when the idle check read the
/// runnable count before the timer count; this test hits that window
/// rarely, so it is a guard, not the reproduction.)
#[test]
fn idle_check_never_misses_a_timer_being_fired() {
    watchdog("idle_vs_timer", LIMIT, || {
        // No harness Env: its sentinel timer would keep the idle hook away.
        let rt = runtime::Runtime::new(2, false);
        let shared = rt.shared.clone();
        let in_flight = Arc::new(AtomicBool::new(false));
        let false_idle = Arc::new(AtomicU64::new(0));
        {
            let (f, bad) = (in_flight.clone(), false_idle.clone());
            shared.set_idle_hook(Box::new(move || {
                if f.load(Ordering::SeqCst) {
                    bad.fetch_add(1, Ordering::SeqCst);
                }
                false
            }));
        }
        // Two busy threads compete for the two cores, so a worker is often
        // descheduled in the middle of its idle check (as on a loaded machine,
        // where the race showed up).
        let stop = Arc::new(AtomicBool::new(false));
        let hogs: Vec<_> = (0..2)
            .map(|_| {
                let stop = stop.clone();
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        std::hint::spin_loop();
                    }
                })
            })
            .collect();
        for i in 0..1_500u64 {
            let done = Arc::new(AtomicBool::new(false));
            let (f, d) = (in_flight.clone(), done.clone());
            let mut timer: Option<TimerHandle> = None;
            let delay = 20_000 + (i % 7) * 30_000; // 20-200 µs
            spawn(&shared, move |t| match timer {
                None => {
                    // The sleep is in flight from here (this task is running,
                    // so the runtime is not idle) until its second poll. Set
                    // before the spawn, the flag also covered the moment
                    // before the spawn made the task runnable, when the
                    // runtime rightly looks idle (a false alarm seen ~1 run in
                    // 20 under extra CPU load).
                    f.store(true, Ordering::SeqCst);
                    let deadline = t.shared().clock.now_ns() + delay;
                    timer = Some(t.shared().timers.add(deadline, t.waker()));
                    Poll::Pending
                }
                Some(_) => {
                    f.store(false, Ordering::SeqCst);
                    d.store(true, Ordering::SeqCst);
                    Poll::Done
                }
            });
            wait_until(WAIT, || done.load(Ordering::SeqCst), || format!("sleeper {i} woke"));
        }
        stop.store(true, Ordering::Relaxed);
        for h in hogs {
            let _ = h.join();
        }
        let bad = false_idle.load(Ordering::SeqCst);
        assert_eq!(bad, 0, "the idle hook ran {bad} time(s) while a sleeping task's timer was being fired");
        rt.shutdown();
    });
}
