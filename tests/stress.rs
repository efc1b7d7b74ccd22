//! Concurrency stress programs (`tests/stress/*.mojo`) run through the built
//! `mojolite` binary with several `--workers` values, each bounded by a
//! timeout. Every program checks its own exact counts and prints `WRONG: …`
//! on a mismatch; the harness also checks the exact stdout, the exit status
//! and, for `sleep_many.mojo`, the wall clock.
//!
//! Sizes are passed through environment variables (`STRESS_N`, …), read by
//! the programs with `env.get`. The tests run one at a time (a lock), so the
//! timing checks are not disturbed by the other programs.

#[path = "support/bounded.rs"]
mod bounded;

use bounded::{run_bounded, Outcome};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

static SERIAL: Mutex<()> = Mutex::new(());

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stress").join(name)
}

fn run(name: &str, flags: &[&str], envs: &[(&str, &str)], limit: Duration) -> Outcome {
    let mut cmd = Command::new(bounded::mojolite_bin());
    cmd.args(flags).arg("run").arg(program(name));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    match run_bounded(cmd, limit) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    }
}

/// Runs `name` and returns a description of every problem (empty = passed).
fn check(name: &str, flags: &[&str], envs: &[(&str, &str)], limit: Duration, want: &[&str]) -> (Vec<String>, Outcome) {
    let o = run(name, flags, envs, limit);
    let what = format!("{name} {} {:?}", flags.join(" "), envs);
    let mut problems = Vec::new();
    if o.timed_out {
        problems.push(format!("{what}: TIMED OUT after {limit:?} (hang, starvation or far too slow)"));
    } else if o.status != Some(0) {
        problems.push(format!("{what}: exit status {:?}", o.status));
    }
    let got: Vec<&str> = o.stdout.lines().collect();
    for l in got.iter().filter(|l| l.starts_with("WRONG")) {
        problems.push(format!("{what}: {l}"));
    }
    // An empty `want` means the caller checks stdout itself.
    if !o.timed_out && !want.is_empty() && got != want {
        problems.push(format!("{what}: stdout {got:?}, expected {want:?}"));
    }
    if o.stderr.contains("panicked") {
        problems.push(format!("{what}: the interpreter panicked"));
    }
    if !problems.is_empty() && !o.stderr.trim().is_empty() {
        let tail: String =
            o.stderr.lines().rev().take(15).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
        problems.push(format!("{what}: stderr (tail):\n{tail}"));
    }
    eprintln!("  {what}: {:.2?}{}", o.elapsed, if problems.is_empty() { "" } else { "  FAILED" });
    (problems, o)
}

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// (a) The full skynet: 1 000 000 leaves, 1 111 111 tasks, once with 2 workers.
/// Debug build: about 7 s here; bound 60 s.
#[test]
fn skynet_million_tasks() {
    let _g = serial();
    let (p, _) = check(
        "skynet.mojo",
        &["--workers", "2"],
        &[("STRESS_N", "1000000")],
        Duration::from_secs(60),
        &["499999500000"],
    );
    assert_none(p);
}

/// (a) A 100 000-leaf skynet (111 111 tasks) on 1, 4 and 8 workers.
#[test]
fn skynet_100k_on_1_4_8_workers() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "4", "8"] {
        let (p, _) = check(
            "skynet.mojo",
            &["--workers", w],
            &[("STRESS_N", "100000")],
            Duration::from_secs(30),
            &["4999950000"],
        );
        all.extend(p);
    }
    assert_none(all);
}

/// Main's end cancels the other tasks, and each task that started runs its
/// `finally` block before the program exits, whatever stage main's end
/// found it at (waiting, in its first time slice, or queued: a task is only
/// listed for cancellation once it first suspends, so the last two are
/// caught as they start or suspend). 30 runs on 2 and 4 workers.
#[test]
fn every_started_task_cleans_up_at_main_end() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["2", "4"] {
        for _ in 0..15 {
            let (mut p, o) = check(
                "main_end_cleanup.mojo",
                &["--workers", w],
                &[("STRESS_N", "2000")],
                Duration::from_secs(20),
                &[],
            );
            let started = o.stdout.lines().filter(|l| *l == "start").count();
            let cleaned = o.stdout.lines().filter(|l| *l == "cleanup").count();
            if started != cleaned {
                p.push(format!("--workers {w}: {started} tasks started, {cleaned} ran their finally block"));
            }
            all.extend(p);
        }
    }
    assert_none(all);
}

fn timing(stdout: &str) -> Option<(f64, f64)> {
    let line = stdout.lines().find(|l| l.starts_with("timing "))?;
    let mut spawned = None;
    let mut finished = None;
    for part in line.split_whitespace() {
        if let Some(v) = part.strip_prefix("spawned=") {
            spawned = v.parse().ok();
        } else if let Some(v) = part.strip_prefix("finished=") {
            finished = v.parse().ok();
        }
    }
    Some((spawned?, finished?))
}

/// (b) 100 000 concurrent `await sleep(1.0)` must finish within 1.5 s of
/// real time (the wall clock of the whole process, measured here).
///
/// In a debug build the interpreter alone needs 0.4–1.0 s to spawn 100 000
/// tasks, so the wall-clock bound is only asserted for an optimised binary
/// (`cargo test --release --test stress`); a debug run asserts the part the
/// runtime controls — from the last spawn to the end, at most 1.5 s (the
/// sleeps overlap and the timers fire on time) — and prints the wall clock.
#[test]
fn hundred_thousand_sleepers_finish_in_time() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4", "8"] {
        // The wall-clock bound alone may be retried (twice): this 2-core machine is
        // shared with other test binaries; every other check applies to every run.
        for attempt in 1..=3 {
            let (mut p, o) =
                check("sleep_many.mojo", &["--workers", w], &[("STRESS_N", "100000")], Duration::from_secs(30), &[]);
            let mut slow_only = false;
            // The timing line varies: check the count, then the numbers.
            let first = o.stdout.lines().next().unwrap_or("");
            if first != "100000" {
                p.push(format!("workers {w}: first line {first:?}, expected \"100000\""));
            }
            match timing(&o.stdout) {
                None => p.push(format!("workers {w}: no timing line in {:?}", o.stdout)),
                Some((spawned, finished)) => {
                    let wall = o.elapsed.as_secs_f64();
                    eprintln!(
                        "    workers {w}: spawned in {spawned:.3}s, finished at {finished:.3}s, wall clock {wall:.3}s"
                    );
                    if finished < 1.0 {
                        p.push(format!("workers {w}: finished at {finished:.3}s, before the 1 s sleeps could end"));
                    }
                    if finished - spawned > 1.5 {
                        p.push(format!(
                            "workers {w}: {:.3}s from the last spawn to the end (> 1.5 s): the sleeps did not overlap",
                            finished - spawned
                        ));
                    }
                    if !cfg!(debug_assertions) && wall > 1.5 {
                        slow_only = p.is_empty();
                        p.push(format!("workers {w}: wall clock {wall:.3}s > 1.5 s (attempt {attempt} of 3)"));
                    } else if wall > 1.5 {
                        eprintln!("    NOTE: wall clock {wall:.3}s > 1.5 s: expected for a debug build; the bound is asserted in release");
                    }
                }
            }
            if slow_only && attempt < 3 {
                eprintln!("    {}: retrying", p.join("; "));
                continue;
            }
            all.extend(p);
            break;
        }
    }
    assert_none(all);
}

/// (b) The same under `--virtual-time`: the clock does not move while main
/// spawns, and every sleeper wakes at exactly 1.000.
#[test]
fn hundred_thousand_sleepers_virtual_time_exact() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "4"] {
        let (p, _) = check(
            "sleep_many.mojo",
            &["--workers", w, "--virtual-time"],
            &[("STRESS_N", "100000")],
            Duration::from_secs(30),
            &["100000", "timing spawned=0.000 finished=1.000"],
        );
        all.extend(p);
    }
    assert_none(all);
}

/// (c) Spawn/await storms (nested spawn + await, join, double await,
/// TaskGroup, as_completed), exact totals on 1, 2, 4 and 8 workers.
#[test]
fn spawn_await_storms_exact_totals() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4", "8"] {
        let (p, _) = check(
            "spawn_storm.mojo",
            &["--workers", w],
            &[("STRESS_ROOTS", "200")],
            Duration::from_secs(60),
            &["roots 200 mids 4000 leaves 100000", "sum 4999950000", "ok"],
        );
        all.extend(p);
    }
    assert_none(all);
}

/// (d) Channel fan-in/fan-out (caps 0, 1, 16), select over channels closed
/// while producers send, try_send against a close: exact multisets.
#[test]
fn channel_fan_in_out_and_select_close() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4", "8"] {
        for seed in ["1", "2"] {
            let (p, _) = check(
                "channels.mojo",
                &["--workers", w, "--seed", seed],
                &[("STRESS_PER", "2000")],
                Duration::from_secs(60),
                &["ok"],
            );
            all.extend(p);
        }
    }
    assert_none(all);
}

/// (e) Cancellation storms over send, recv, select, Lock, Semaphore, Event
/// and sleep; afterwards each primitive works and nothing leaked.
#[test]
fn cancellation_storms_leave_primitives_usable() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4", "8"] {
        for seed in ["1", "7", "42"] {
            let (p, _) = check(
                "cancel_storm.mojo",
                &["--workers", w],
                &[("STRESS_SEED", seed), ("STRESS_SCALE", "2")],
                Duration::from_secs(60),
                &["ok"],
            );
            all.extend(p);
        }
    }
    assert_none(all);
}

/// (e) A send that completed (its value was received) must not then raise
/// CancelledError because the sender was cancelled before it resumed.
#[test]
fn completed_send_is_not_reported_cancelled() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4"] {
        let (p, _) = check("cancel_send_outcome.mojo", &["--workers", w], &[], Duration::from_secs(20), &["ok"]);
        all.extend(p);
    }
    assert_none(all);
}

/// Two unbuffered sends offered at once to one `select`: it takes one and
/// stops receiving, so exactly one send may complete (the other value would
/// be lost). 200 rounds on 1, 2, 4 and 8 workers.
#[test]
fn a_select_completes_exactly_one_unbuffered_send() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4", "8"] {
        let (p, _) = check("select_handoff.mojo", &["--workers", w], &[], Duration::from_secs(30), &["ok"]);
        all.extend(p);
    }
    assert_none(all);
}

/// (d/e) `timeout(ch.recv(), t)` in a loop must not lose values.
#[test]
fn timed_out_receives_lose_no_values() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2", "4"] {
        let (p, _) =
            check("timeout_recv.mojo", &["--workers", w], &[("STRESS_PER", "2000")], Duration::from_secs(60), &["ok"]);
        all.extend(p);
    }
    assert_none(all);
}

/// Cancelling a task that waits in `timeout(ch.recv(), secs)` must cancel
/// the receive as well (not leave it running to swallow a later value).
#[test]
fn cancelled_timeout_cancels_its_operation() {
    let _g = serial();
    let mut all = Vec::new();
    for w in ["1", "2"] {
        let (p, _) = check("timeout_cancelled.mojo", &["--workers", w], &[], Duration::from_secs(20), &["ok"]);
        all.extend(p);
    }
    assert_none(all);
}

/// Liveness: a task spawned (or woken by a `run_blocking` job) while every
/// worker runs a ping-pong pair must still run.
#[test]
fn spawned_task_runs_while_every_worker_ping_pongs() {
    let _g = serial();
    let mut all = Vec::new();
    let limit = Duration::from_secs(8);
    for (w, pairs) in [("1", "1"), ("2", "2"), ("4", "4")] {
        let (p, _) = check("fairness.mojo", &["--workers", w], &[("STRESS_PAIRS", pairs)], limit, &["ok"]);
        all.extend(p);
    }
    for (w, pairs) in [("1", "1"), ("2", "2")] {
        let (p, _) = check(
            "fairness.mojo",
            &["--workers", w],
            &[("STRESS_PAIRS", pairs), ("STRESS_BLOCKING", "1")],
            limit,
            &["ok"],
        );
        all.extend(p);
    }
    assert_none(all);
}
