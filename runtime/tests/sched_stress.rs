//! Stress tests of the scheduler and the task state machine: every spawned
//! task runs exactly once, wakes are never lost (wake-before-park, wake while
//! RUNNING), a burst of wakes queues a task once, and `Yield` re-queues.
//! Idle workers park "forever" here (see harness.rs), so a lost wake-up is a
//! hang that the watchdog reports.

#[path = "harness.rs"]
mod harness;

use harness::*;
use runtime::{Poll, Shared};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(20);

/// A task tree (fan-out 4) spawned from inside tasks: `steal while push`.
fn tree(shared: &Arc<Shared>, ran: Arc<Vec<AtomicU8>>, done: Arc<Count>, id: usize, yield_first: bool) {
    let mut yielded = false;
    spawn(shared, move |t| {
        if yield_first && !yielded {
            yielded = true;
            return Poll::Yield;
        }
        if ran[id].fetch_add(1, Ordering::SeqCst) != 0 {
            violation(format!("tree node {id} ran twice"));
        }
        for c in 1..=4 {
            let child = 4 * id + c;
            if child < ran.len() {
                tree(t.shared(), ran.clone(), done.clone(), child, yield_first);
            }
        }
        done.inc();
        Poll::Done
    });
}

fn run_tree(workers: usize, n: usize, yield_first: bool) {
    let env = Env::new(workers);
    let ran: Arc<Vec<AtomicU8>> = Arc::new((0..n).map(|_| AtomicU8::new(0)).collect());
    let done = Arc::new(Count::default());
    tree(&env.shared, ran.clone(), done.clone(), 0, yield_first);
    let d = done.clone();
    wait_until(LIMIT, || d.get() == n as u64, || format!("{} of {n} tree nodes done (workers {workers})", d.get()));
    wait_quiescent(&env.shared, LIMIT);
    let missing: Vec<usize> = (0..n).filter(|&i| ran[i].load(Ordering::SeqCst) != 1).take(5).collect();
    assert!(missing.is_empty(), "nodes not run exactly once: {missing:?}");
    let s = &env.shared.stats;
    assert_eq!(s.spawned(), n as u64, "stats.spawned");
    let polls = if yield_first { 2 * n } else { n };
    assert_eq!(s.polls(), polls as u64, "stats.polls (workers {workers})");
    eprintln!("  tree workers={workers} n={n} yield={yield_first}: steals {}", s.steals.load(Ordering::SeqCst));
    env.finish();
}

#[test]
fn spawn_tree_each_task_runs_exactly_once() {
    watchdog("spawn_tree", Duration::from_secs(60), || {
        // 1 + 4 + ... + 4^9 = 349 525 nodes
        for workers in [1, 2, 4, 8] {
            run_tree(workers, 349_525, false);
        }
    });
}

#[test]
fn spawn_tree_with_yields_runs_each_twice() {
    watchdog("spawn_tree_yield", Duration::from_secs(60), || {
        for workers in [2, 8] {
            run_tree(workers, 87_381, true);
        }
    });
}

/// Spawns from several outside threads at once (all go through the injector)
/// while tasks spawn children locally.
#[test]
fn concurrent_external_and_internal_spawns() {
    watchdog("external_spawns", LIMIT, || {
        for workers in [2, 4, 8] {
            let env = Env::new(workers);
            let threads = 4;
            let per = 5_000;
            let n = threads * per * 2;
            let ran: Arc<Vec<AtomicU8>> = Arc::new((0..n).map(|_| AtomicU8::new(0)).collect());
            let done = Arc::new(Count::default());
            let barrier = Arc::new(Barrier::new(threads));
            let hs: Vec<_> = (0..threads)
                .map(|k| {
                    let (shared, ran, done, barrier) = (env.shared.clone(), ran.clone(), done.clone(), barrier.clone());
                    std::thread::spawn(move || {
                        barrier.wait();
                        for i in 0..per {
                            let id = 2 * (k * per + i);
                            let (ran2, done2) = (ran.clone(), done.clone());
                            spawn(&shared, move |t| {
                                if ran2[id].fetch_add(1, Ordering::SeqCst) != 0 {
                                    violation(format!("task {id} ran twice"));
                                }
                                let (ran3, done3) = (ran2.clone(), done2.clone());
                                spawn(t.shared(), move |_| {
                                    if ran3[id + 1].fetch_add(1, Ordering::SeqCst) != 0 {
                                        violation(format!("task {} ran twice", id + 1));
                                    }
                                    done3.inc();
                                    Poll::Done
                                });
                                done2.inc();
                                Poll::Done
                            });
                        }
                    })
                })
                .collect();
            for h in hs {
                h.join().unwrap();
            }
            let d = done.clone();
            wait_until(LIMIT, || d.get() == n as u64, || format!("{} of {n} done (workers {workers})", d.get()));
            wait_quiescent(&env.shared, LIMIT);
            assert!((0..n).all(|i| ran[i].load(Ordering::SeqCst) == 1));
            assert_eq!(env.shared.stats.polls(), n as u64);
            env.finish();
        }
    });
}

/// A task that wakes itself during its poll and returns Pending must be
/// polled again (RUNNING -> NOTIFIED -> SCHEDULED), exactly once per wake.
#[test]
fn self_wake_while_running_repolls_exactly_once() {
    watchdog("self_wake_running", LIMIT, || {
        for workers in [1, 2, 4, 8] {
            let env = Env::new(workers);
            let tasks = 64;
            let rounds = 2_000;
            let done = Arc::new(Count::default());
            let ts: Vec<_> = (0..tasks)
                .map(|_| {
                    let done = done.clone();
                    let mut k = 0;
                    spawn(&env.shared, move |t| {
                        k += 1;
                        if k > rounds {
                            done.inc();
                            return Poll::Done;
                        }
                        // Twice: the second wake must not queue it again.
                        t.waker().wake();
                        t.waker().wake();
                        Poll::Pending
                    })
                })
                .collect();
            let d = done.clone();
            wait_until(LIMIT, || d.get() == tasks as u64, || format!("{} of {tasks} done", d.get()));
            wait_quiescent(&env.shared, LIMIT);
            for t in &ts {
                assert_eq!(t.polls(), rounds + 1, "polls of a self-waking task (workers {workers})");
            }
            assert_eq!(env.shared.stats.polls(), (tasks * (rounds + 1)) as u64);
            env.finish();
        }
    });
}

/// An outside thread wakes each task while it is inside its poll (the task
/// spins until the wake has happened), then the task returns Pending: the
/// wake must cause exactly one more poll.
#[test]
fn external_wake_while_running_is_not_lost() {
    watchdog("external_wake_running", LIMIT, || {
        for workers in [1, 2, 4] {
            let env = Env::new(workers);
            let tasks = 4;
            let rounds = 2_000;
            // in_poll[i]: the generation task i is polling in; acked[i]: last generation woken.
            let in_poll: Arc<Vec<AtomicU64>> = Arc::new((0..tasks).map(|_| AtomicU64::new(0)).collect());
            let acked: Arc<Vec<AtomicU64>> = Arc::new((0..tasks).map(|_| AtomicU64::new(0)).collect());
            let stop = Arc::new(AtomicBool::new(false));
            let done = Arc::new(Count::default());
            let ts: Vec<_> = (0..tasks)
                .map(|i| {
                    let (in_poll, acked, done) = (in_poll.clone(), acked.clone(), done.clone());
                    let mut gen = 0u64;
                    spawn(&env.shared, move |_| {
                        gen += 1;
                        if gen > rounds {
                            done.inc();
                            return Poll::Done;
                        }
                        in_poll[i].store(gen, Ordering::SeqCst);
                        while acked[i].load(Ordering::SeqCst) < gen {
                            std::thread::yield_now();
                        }
                        Poll::Pending
                    })
                })
                .collect();
            let waker_thread = {
                let (in_poll, acked, stop) = (in_poll.clone(), acked.clone(), stop.clone());
                let wakers: Vec<_> = ts.iter().map(|t| t.waker()).collect();
                std::thread::spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        let mut idle = true;
                        for i in 0..tasks {
                            let g = in_poll[i].load(Ordering::SeqCst);
                            if g > acked[i].load(Ordering::SeqCst) {
                                wakers[i].wake();
                                acked[i].store(g, Ordering::SeqCst);
                                idle = false;
                            }
                        }
                        if idle {
                            std::thread::yield_now();
                        }
                    }
                })
            };
            let d = done.clone();
            wait_until(
                LIMIT,
                || d.get() == tasks as u64,
                || format!("{} of {tasks} done (workers {workers})", d.get()),
            );
            stop.store(true, Ordering::SeqCst);
            waker_thread.join().unwrap();
            for t in &ts {
                assert_eq!(t.polls() as u64, rounds + 1);
            }
            env.finish();
        }
    });
}

/// Wake-before-park: an outside thread and a task ping-pong; the outside
/// thread wakes the task at varied moments (at once, after a spin, after a
/// short sleep) so that wakes land while the worker is deciding to park.
#[test]
fn wake_before_park_is_never_lost() {
    watchdog("wake_before_park", Duration::from_secs(30), || {
        for workers in [1, 2, 4] {
            let env = Env::new(workers);
            let rounds: u64 = 4_000;
            let seen = Arc::new(AtomicU64::new(0));
            let s2 = seen.clone();
            let task = spawn(&env.shared, move |_| {
                let n = s2.fetch_add(1, Ordering::SeqCst) + 1;
                if n > rounds {
                    Poll::Done
                } else {
                    Poll::Pending
                }
            });
            let w = task.waker();
            let mut rng = Rng::new(seed());
            for r in 1..=rounds {
                wait_until(
                    Duration::from_secs(5),
                    || seen.load(Ordering::SeqCst) >= r,
                    || format!("round {r}: task not polled after its wake (workers {workers}): LOST WAKE-UP"),
                );
                match rng.below(4) {
                    0 => {}
                    1 => (0..rng.below(2_000)).for_each(|_| std::hint::spin_loop()),
                    2 => std::thread::yield_now(),
                    _ => std::thread::sleep(Duration::from_micros(rng.below(200))),
                }
                w.wake();
            }
            wait_until(LIMIT, || task.is_finished(), || "final poll".into());
            assert_eq!(task.polls() as u64, rounds + 1);
            env.finish();
        }
    });
}

/// Pairs of tasks on different workers wake each other (cross-worker wakes
/// of tasks that are just parking their worker).
#[test]
fn task_to_task_ping_pong_exact_rounds() {
    watchdog("ping_pong", LIMIT, || {
        for workers in [2, 4, 8] {
            let env = Env::new(workers);
            let pairs = 8;
            let rounds = 10_000u64;
            let done = Arc::new(Count::default());
            for _ in 0..pairs {
                // turn: even = A's move, odd = B's move.
                let turn = Arc::new(AtomicU64::new(0));
                let peer_a: Arc<std::sync::Mutex<Option<runtime::Waker>>> = Default::default();
                let peer_b: Arc<std::sync::Mutex<Option<runtime::Waker>>> = Default::default();
                let mk = |me: u64, peer: Arc<std::sync::Mutex<Option<runtime::Waker>>>| {
                    let (turn, done) = (turn.clone(), done.clone());
                    move |_t: &Arc<FnTask>| loop {
                        let cur = turn.load(Ordering::SeqCst);
                        if cur >= 2 * rounds {
                            if let Some(w) = peer.lock().unwrap().as_ref() {
                                w.wake();
                            }
                            done.inc();
                            return Poll::Done;
                        }
                        if cur % 2 != me {
                            return Poll::Pending;
                        }
                        turn.store(cur + 1, Ordering::SeqCst);
                        if let Some(w) = peer.lock().unwrap().as_ref() {
                            w.wake();
                        }
                    }
                };
                let a = FnTask::new(&env.shared, mk(0, peer_b.clone()));
                let b = FnTask::new(&env.shared, mk(1, peer_a.clone()));
                // Both wakers are set before either task runs.
                *peer_a.lock().unwrap() = Some(a.waker());
                *peer_b.lock().unwrap() = Some(b.waker());
                // Only A is spawned: B is first queued by A's wake (spawning a
                // task that a wake may already have queued is a caller error).
                env.shared.spawn(a);
            }
            let d = done.clone();
            wait_until(
                LIMIT,
                || d.get() == 2 * pairs,
                || format!("{} of {} ping-pong tasks done (workers {workers})", d.get(), 2 * pairs),
            );
            env.finish();
        }
    });
}

/// A burst of wakes from several threads while the task waits in the queue
/// queues it exactly once: `runnable()` counts queue entries, and the task is
/// polled once for the whole burst.
#[test]
fn wake_burst_queues_task_once() {
    watchdog("wake_burst", LIMIT, || {
        for workers in [1, 2, 4] {
            let env = Env::new(workers);
            let release = Arc::new(AtomicBool::new(false));
            let started = Arc::new(Count::default());
            let target = spawn(&env.shared, |t| if t.polls() >= 2 { Poll::Done } else { Poll::Pending });
            wait_until(LIMIT, || target.polls() == 1, || "first poll of the target".into());
            wait_quiescent(&env.shared, LIMIT);
            // Occupy every worker so the woken target stays queued.
            for _ in 0..workers {
                let (release, started) = (release.clone(), started.clone());
                let mut counted = false;
                spawn(&env.shared, move |_| {
                    if !counted {
                        counted = true;
                        started.inc();
                    }
                    while !release.load(Ordering::SeqCst) {
                        std::thread::yield_now();
                    }
                    Poll::Done
                });
            }
            let s = started.clone();
            wait_until(LIMIT, || s.get() == workers as u64, || format!("{} of {workers} blockers running", s.get()));
            let w = target.waker();
            let barrier = Arc::new(Barrier::new(4));
            let hs: Vec<_> = (0..4)
                .map(|_| {
                    let (w, barrier) = (w.clone(), barrier.clone());
                    std::thread::spawn(move || {
                        barrier.wait();
                        for _ in 0..2_500 {
                            w.wake();
                        }
                    })
                })
                .collect();
            for h in hs {
                h.join().unwrap();
            }
            assert_eq!(env.shared.runnable(), workers + 1, "10 000 wakes must queue the target once");
            assert_eq!(target.polls(), 1);
            release.store(true, Ordering::SeqCst);
            wait_until(LIMIT, || target.is_finished(), || "target's second poll".into());
            wait_quiescent(&env.shared, LIMIT);
            assert_eq!(target.polls(), 2);
            assert_eq!(env.shared.stats.polls(), 2 + workers as u64);
            env.finish();
        }
    });
}

/// Many tasks each waiting for wakes from many outside threads: every task
/// completes its exact number of rounds, and no task is ever polled twice at once.
#[test]
fn many_external_wakers_many_tasks() {
    watchdog("many_wakers", LIMIT, || {
        for workers in [2, 8] {
            let env = Env::new(workers);
            let tasks = 256;
            let rounds = 400u64;
            // tokens[i]: wakes owed to task i; the task consumes one per round.
            let tokens: Arc<Vec<AtomicU64>> = Arc::new((0..tasks).map(|_| AtomicU64::new(0)).collect());
            let done = Arc::new(Count::default());
            let ts: Vec<_> = (0..tasks)
                .map(|i| {
                    let (tokens, done) = (tokens.clone(), done.clone());
                    let mut got = 0u64;
                    spawn(&env.shared, move |_| {
                        // Consume whatever arrived; tokens are granted before the wake.
                        got += tokens[i].swap(0, Ordering::SeqCst);
                        if got >= rounds {
                            done.inc();
                            Poll::Done
                        } else {
                            Poll::Pending
                        }
                    })
                })
                .collect();
            let wakers: Arc<Vec<_>> = Arc::new(ts.iter().map(|t| t.waker()).collect());
            let hs: Vec<_> = (0..4)
                .map(|k| {
                    let (tokens, wakers) = (tokens.clone(), wakers.clone());
                    std::thread::spawn(move || {
                        let mut rng = Rng::new(seed() + k);
                        // Each thread grants a quarter of every task's rounds.
                        let mut owed: Vec<u64> = vec![rounds / 4 + u64::from(k < rounds % 4); tasks];
                        let mut left: u64 = owed.iter().sum();
                        while left > 0 {
                            let i = rng.below(tasks as u64) as usize;
                            if owed[i] == 0 {
                                continue;
                            }
                            owed[i] -= 1;
                            left -= 1;
                            tokens[i].fetch_add(1, Ordering::SeqCst);
                            wakers[i].wake();
                        }
                    })
                })
                .collect();
            for h in hs {
                h.join().unwrap();
            }
            let d = done.clone();
            wait_until(
                LIMIT,
                || d.get() == tasks as u64,
                || format!("{} of {tasks} done (workers {workers})", d.get()),
            );
            wait_quiescent(&env.shared, LIMIT);
            env.finish();
        }
    });
}
