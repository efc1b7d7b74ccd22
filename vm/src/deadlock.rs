//! Program-level task supervision: deadlock detection (called by the
//! scheduler when nothing can ever run again), the end of a program
//! (cancel what is still running, let `finally` blocks run, report failed
//! tasks nobody awaited) and `--stats`.

use crate::task::{Closing, RtCtx, TaskObj};
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Nothing is runnable, no timer is armed, no I/O is pending: if main is
/// still waiting, it never will be woken, so wake it with `DeadlockError`.
pub fn detect(ctx: &RtCtx, main: &Arc<TaskObj>) -> bool {
    // A main that is not parked at an `await` (not started yet, queued, or
    // running) is not blocked: an idle check that raced with its spawn (the
    // test runner spawns each test from outside the workers) must not
    // report it.
    if main.is_done() || main.wait_site().is_none() {
        return false;
    }
    let mut lines = vec!["every task is blocked and nothing can wake them:".to_string()];
    for t in ctx.live_tasks() {
        let site = t.wait_site().map(|w| w.describe(ctx)).unwrap_or_else(|| "(not started)".into());
        lines.push(format!("  task `{}` waits at {site}", t.name()));
    }
    main.deliver_deadlock(lines.join("\n"));
    true
}

/// After `main` returns: cancel the remaining tasks and give them a moment
/// to run their `finally` blocks, then report failures nobody observed.
pub fn finish_program(ctx: &RtCtx, main: &Arc<TaskObj>) {
    let deadline = Instant::now() + Duration::from_secs(2);
    ctx.close(Closing::Cancel, Some(main));
    ctx.wait_live_tasks(deadline, Some(main));
    // The same error from many tasks (a MemoryError, a failing fan-out) is
    // shown a few times and then counted, not listed thousands of times.
    let mut shown: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut order = Vec::new();
    for (name, headline) in ctx.unobserved_failures() {
        let seen = shown.entry(headline.clone()).or_insert(0);
        *seen += 1;
        if *seen <= 3 {
            let _ = writeln!(std::io::stderr(), "warning: task `{name}` failed and was never awaited: {headline}");
        } else if *seen == 4 {
            order.push(headline);
        }
    }
    for headline in order {
        let more = shown.get(&headline).copied().unwrap_or(0) - 3;
        let _ = writeln!(
            std::io::stderr(),
            "warning: {more} more task{} failed the same way and {} never awaited",
            if more == 1 { "" } else { "s" },
            if more == 1 { "was" } else { "were" }
        );
    }
}

pub fn print_stats(ctx: &RtCtx) {
    let s = &ctx.rt.stats;
    let _ = writeln!(
        std::io::stderr(),
        "stats: workers {}, tasks spawned {}, polls {}, steals {}, parks {}, max timer lag {:.3} ms",
        ctx.rt.workers,
        s.spawned(),
        s.polls(),
        s.steals.load(Ordering::Relaxed),
        s.parks.load(Ordering::Relaxed),
        ctx.rt.timers.max_lag_ns.load(Ordering::Relaxed) as f64 / 1e6
    );
}
