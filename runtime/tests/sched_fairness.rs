//! Liveness under the per-worker "next" slot: while tasks ping-pong through
//! wakes on every worker (each wake puts the peer in the worker's next
//! slot), other runnable tasks — injected from outside, spawned locally, or
//! preempted with `Yield` — must still run. A task that is queued must be
//! polled within a bounded time whatever the other tasks do, and a task
//! queued under a stream of new spawns (LIFO deques) runs too.

#[path = "harness.rs"]
mod harness;

use harness::*;
use runtime::{Poll, Shared, Waker};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Slot = Arc<Mutex<Option<Waker>>>;
/// A job a pair task runs (once) from inside its poll, on its worker.
type Job = Arc<Mutex<Option<Box<dyn FnOnce(&Arc<Shared>) + Send>>>>;

/// Starts a pair of tasks that wake each other until `stop`; returns its round counter.
fn ping_pong_pair(shared: &Arc<Shared>, stop: &Arc<AtomicBool>, job: &Job) -> Arc<AtomicU64> {
    let turn = Arc::new(AtomicU64::new(0));
    let wa: Slot = Default::default();
    let wb: Slot = Default::default();
    let mk = |me: u64, peer: Slot| {
        let (turn, stop, job) = (turn.clone(), stop.clone(), job.clone());
        move |t: &Arc<FnTask>| {
            let j = job.lock().unwrap().take();
            if let Some(j) = j {
                j(t.shared());
            }
            let cur = turn.load(Ordering::SeqCst);
            if stop.load(Ordering::SeqCst) {
                if let Some(w) = peer.lock().unwrap().as_ref() {
                    w.wake();
                }
                return Poll::Done;
            }
            if cur % 2 == me {
                turn.store(cur + 1, Ordering::SeqCst);
                if let Some(w) = peer.lock().unwrap().as_ref() {
                    w.wake();
                }
            }
            Poll::Pending
        }
    };
    let a = FnTask::new(shared, mk(0, wb.clone()));
    let b = FnTask::new(shared, mk(1, wa.clone()));
    *wa.lock().unwrap() = Some(a.waker());
    *wb.lock().unwrap() = Some(b.waker());
    shared.spawn(a);
    turn
}

fn start_pairs(env: &Env, pairs: usize, stop: &Arc<AtomicBool>, job: &Job) -> Vec<Arc<AtomicU64>> {
    let turns: Vec<_> = (0..pairs).map(|_| ping_pong_pair(&env.shared, stop, job)).collect();
    // Every pair is running (so every worker is busy ping-ponging).
    wait_until(
        Duration::from_secs(10),
        || turns.iter().all(|t| t.load(Ordering::SeqCst) > 2_000),
        || format!("all pairs ping-ponging: {:?}", turns.iter().map(|t| t.load(Ordering::SeqCst)).collect::<Vec<_>>()),
    );
    turns
}

/// How long a queued task may wait (in a debug build it normally runs in well under 1 ms).
const BOUND: Duration = Duration::from_secs(2);

fn expect_runs_soon(ran: &Arc<AtomicBool>, what: &str, workers: usize) -> Result<Duration, String> {
    let start = Instant::now();
    while !ran.load(Ordering::SeqCst) {
        if start.elapsed() > BOUND {
            return Err(format!("STARVATION ({workers} worker(s) kept busy): {what} was not polled within {BOUND:?}"));
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Ok(start.elapsed())
}

/// Hands `job` to whichever task runs next: it spawns a probe task from
/// inside its worker. Ok(how long the probe waited) once the probe ran.
fn spawn_probe_from_inside(job: &Job, workers: usize, runners: &str, probe: &str) -> Result<Duration, String> {
    let ran = Arc::new(AtomicBool::new(false));
    let picked = Arc::new(AtomicBool::new(false));
    let (r, pk) = (ran.clone(), picked.clone());
    *job.lock().unwrap() = Some(Box::new(move |shared: &Arc<Shared>| {
        pk.store(true, Ordering::SeqCst);
        spawn(shared, move |_| {
            r.store(true, Ordering::SeqCst);
            Poll::Done
        });
    }));
    expect_runs_soon(&picked, &format!("the job handed to {runners}"), workers)
        .and_then(|_| expect_runs_soon(&ran, probe, workers))
}

fn report(failures: Vec<String>) {
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A task spawned from outside the workers (the global injector) runs
/// while every worker ping-pongs.
#[test]
fn injected_task_runs_while_workers_ping_pong() {
    watchdog("fair_injected", Duration::from_secs(30), || {
        let mut failures = Vec::new();
        for workers in [1, 2] {
            let env = Env::new(workers);
            let stop = Arc::new(AtomicBool::new(false));
            start_pairs(&env, workers, &stop, &Job::default());
            let ran = Arc::new(AtomicBool::new(false));
            let r = ran.clone();
            spawn(&env.shared, move |_| {
                r.store(true, Ordering::SeqCst);
                Poll::Done
            });
            let res = expect_runs_soon(&ran, "a task spawned from outside", workers);
            stop.store(true, Ordering::SeqCst);
            match res {
                Ok(took) => eprintln!("  workers={workers}: injected task ran after {took:?}"),
                Err(e) => failures.push(e),
            }
            env.finish();
        }
        report(failures);
    });
}

/// A task spawned by a ping-pong task (into that worker's local deque) runs.
#[test]
fn locally_spawned_task_runs_while_workers_ping_pong() {
    watchdog("fair_local_spawn", Duration::from_secs(30), || {
        let mut failures = Vec::new();
        for workers in [1, 2] {
            let env = Env::new(workers);
            let stop = Arc::new(AtomicBool::new(false));
            let job = Job::default();
            start_pairs(&env, workers, &stop, &job);
            // The next pair task to run spawns the probe from inside its worker.
            let res = spawn_probe_from_inside(&job, workers, "the pairs", "a task spawned from inside a worker");
            stop.store(true, Ordering::SeqCst);
            match res {
                Ok(took) => eprintln!("  workers={workers}: locally spawned task ran after {took:?}"),
                Err(e) => failures.push(e),
            }
            env.finish();
        }
        report(failures);
    });
}

/// A CPU-bound task that yields (preempted) keeps making progress.
#[test]
fn yielding_task_progresses_while_workers_ping_pong() {
    watchdog("fair_yield", Duration::from_secs(30), || {
        let mut failures = Vec::new();
        for workers in [1, 2] {
            let env = Env::new(workers);
            let stop = Arc::new(AtomicBool::new(false));
            let polls = Arc::new(AtomicU64::new(0));
            let p = polls.clone();
            let ran = Arc::new(AtomicBool::new(false));
            let r = ran.clone();
            // Start the yielder first, so it is already running when the pairs start.
            spawn(&env.shared, move |_| {
                if p.fetch_add(1, Ordering::SeqCst) + 1 >= 200 {
                    r.store(true, Ordering::SeqCst);
                    return Poll::Done;
                }
                Poll::Yield
            });
            start_pairs(&env, workers, &stop, &Job::default());
            let res = expect_runs_soon(&ran, "a task returning Yield (200 polls)", workers);
            stop.store(true, Ordering::SeqCst);
            match res {
                Ok(took) => eprintln!("  workers={workers}: yielding task finished after {took:?}"),
                Err(e) => failures.push(e),
            }
            env.finish();
        }
        report(failures);
    });
}

/// Keeps one task of a spawn chain alive: each spawns its successor (onto
/// the top of its worker's deque) and ends, until `stop`. The first task
/// to run after `job` is set runs it.
fn spawn_chain(shared: &Arc<Shared>, stop: Arc<AtomicBool>, job: Job, links: Arc<AtomicU64>) {
    spawn(shared, move |t| {
        let j = job.lock().unwrap().take();
        if let Some(j) = j {
            j(t.shared());
        }
        links.fetch_add(1, Ordering::SeqCst);
        if !stop.load(Ordering::SeqCst) {
            spawn_chain(t.shared(), stop.clone(), job.clone(), links.clone());
        }
        Poll::Done
    });
}

/// On several workers the local deque is LIFO: a stream of fresh spawns
/// always sits on top. A task queued below it (spawned locally, before the
/// next link) must still run: the fairness check takes the oldest end.
#[test]
fn older_local_task_runs_under_a_stream_of_spawns() {
    watchdog("fair_lifo", Duration::from_secs(30), || {
        let mut failures = Vec::new();
        for workers in [1, 2, 4] {
            let env = Env::new(workers);
            let stop = Arc::new(AtomicBool::new(false));
            let job = Job::default();
            let links = Arc::new(AtomicU64::new(0));
            // Two chains a worker: no worker ever runs dry and goes stealing.
            for _ in 0..2 * workers {
                spawn_chain(&env.shared, stop.clone(), job.clone(), links.clone());
            }
            let l = links.clone();
            wait_until(Duration::from_secs(10), || l.load(Ordering::SeqCst) > 10_000, || "chains running".into());
            // Spawned from inside a chain task, before its successor.
            let res = spawn_probe_from_inside(&job, workers, "the chains", "a task queued under a stream of spawns");
            stop.store(true, Ordering::SeqCst);
            match res {
                Ok(took) => eprintln!("  workers={workers}: the older task ran after {took:?}"),
                Err(e) => failures.push(e),
            }
            env.finish();
        }
        report(failures);
    });
}

/// A thief leaves a short queue to grow for a moment before it steals
/// (`STEAL_MIN`, `STEAL_PATIENCE`), but never for good: a few tasks queued
/// behind a worker that stays busy are stolen and run. Each round a task
/// spawns `k` children (fewer than a batch) onto its own deque and then
/// spins, without returning, until they have all run elsewhere; rounds of
/// every queue length below the batch size, many times over.
#[test]
fn a_short_queue_behind_a_busy_worker_is_stolen() {
    watchdog("fair_short_queue", Duration::from_secs(60), || {
        let mut failures = Vec::new();
        for workers in [2, 4] {
            let env = Env::new(workers);
            for round in 0..300u64 {
                let k = 1 + round % 15;
                let ran = Arc::new(AtomicU64::new(0));
                let done = Arc::new(AtomicBool::new(false));
                // How many had run when the spawner stopped spinning.
                let seen = Arc::new(AtomicU64::new(0));
                let (r, d, s) = (ran.clone(), done.clone(), seen.clone());
                spawn(&env.shared, move |t| {
                    for _ in 0..k {
                        let r = r.clone();
                        spawn(t.shared(), move |_| {
                            r.fetch_add(1, Ordering::SeqCst);
                            Poll::Done
                        });
                    }
                    let start = Instant::now();
                    while r.load(Ordering::SeqCst) < k && start.elapsed() < BOUND {
                        std::hint::spin_loop();
                    }
                    s.store(r.load(Ordering::SeqCst), Ordering::SeqCst);
                    d.store(true, Ordering::SeqCst);
                    Poll::Done
                });
                if let Err(e) = expect_runs_soon(&done, "the busy spawner", workers) {
                    failures.push(e);
                    break;
                }
                let seen = seen.load(Ordering::SeqCst);
                if seen < k {
                    failures.push(format!(
                        "workers={workers} round {round}: {seen} of {k} tasks queued behind a busy worker ran within {BOUND:?}"
                    ));
                    break;
                }
            }
            env.finish();
        }
        report(failures);
    });
}
