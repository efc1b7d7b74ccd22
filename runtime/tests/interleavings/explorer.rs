//! A small stateless model checker: explores every interleaving of a few
//! hand-driven tasks, depth first, by re-execution.
//!
//! The unit of atomicity is one call into the primitive under test (one
//! `poll_send`, `cancel_recv`, `close`, `release`, ...): those methods take the
//! primitive's lock for their whole duration, so the only interleavings that
//! matter are those *between* calls. A `World` runs one such call per `step`.
//!
//! Tasks follow the runtime's real scheduling state machine (`TaskHeader`):
//! each task has a header and a detached `Waker` (`Waker::detached`), so a
//! wake moves the header IDLE → SCHEDULED or RUNNING → NOTIFIED and queues
//! nothing. A task may take a step when it is SCHEDULED (it then starts a poll:
//! SCHEDULED → RUNNING) or while it is inside a poll (a poll may span several
//! steps, e.g. a `select` polling its arms one after the other). When a poll
//! ends `Pending` the header goes RUNNING → IDLE, or back to SCHEDULED if a
//! wake arrived meanwhile, exactly as on a worker. A task that is IDLE can only
//! run again if somebody wakes it, so a lost wake-up shows up as a task left
//! blocked at the end.
//!
//! Exploration. Every run starts from a fresh `World` and asks a `Chooser` at
//! each choice point (which runnable task steps next, plus any data choice
//! the world makes, like a `select`'s random first arm). The chooser replays a
//! recorded prefix and then takes option 0 for new choice points; after the
//! run, the deepest choice point with an untried option is advanced and the
//! rest dropped. That enumerates every interleaving exactly once (choice
//! points with a single option are not recorded). A run ends when no task is
//! runnable; the world then checks its invariants. Runs are bounded in steps
//! (a livelock fails) and the whole exploration in runs (a scenario that grew
//! too large fails instead of silently exploring part of its space).
//!
//! Failures (an invariant broken at a step or at the end, or a panic) are
//! re-run with tracing on and reported with the interleaving: one line per
//! step, who stepped, what the call returned, and whom it woke.

use runtime::{Poll, Schedulable, TaskHeader, Waker};
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How one step of a task ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Still inside its poll: it will take another step (it stays runnable).
    Continue,
    /// The poll ended `Pending`: it runs again only once woken.
    Pending,
    /// Finished (or cancelled): never steps again.
    Done,
}

/// The system under test, rebuilt for every run.
pub trait World {
    fn task_names(&self) -> Vec<String>;
    /// Runs one atomic step of task `k`. `fresh` is true for the first step of
    /// a poll. Describe what happened with `cx.note` (kept only when tracing).
    fn step(&mut self, k: usize, fresh: bool, cx: &mut Cx) -> Result<Step, String>;
    /// Checks the invariants once no task can run; `done[k]` says which finished.
    fn finish(&mut self, done: &[bool], cx: &mut Cx) -> Result<(), String>;
}

/// A task header the explorer drives by hand (never polled by a runtime).
struct Node {
    header: TaskHeader,
}

impl Schedulable for Node {
    fn header(&self) -> &TaskHeader {
        &self.header
    }
    fn poll(self: Arc<Self>) -> Poll {
        unreachable!("interleaving tasks are driven by the explorer, not a runtime")
    }
    /// Detached: waking only moves the header (the explorer reads it).
    fn runtime(&self) -> Option<&Arc<runtime::Shared>> {
        None
    }
}

#[derive(Default)]
struct Chooser {
    /// (chosen option, number of options) per recorded choice point.
    path: Vec<(usize, usize)>,
    pos: usize,
}

impl Chooser {
    fn choose(&mut self, n: usize) -> usize {
        assert!(n > 0, "a choice among no options");
        if n == 1 {
            return 0;
        }
        let c = if self.pos < self.path.len() {
            let (c, m) = self.path[self.pos];
            assert_eq!(m, n, "the world is not deterministic: replay diverged");
            c
        } else {
            self.path.push((0, n));
            0
        };
        self.pos += 1;
        c
    }

    /// Moves to the next unexplored interleaving; false when all are done.
    fn advance(&mut self) -> bool {
        self.path.truncate(self.pos);
        self.pos = 0;
        while let Some(last) = self.path.last_mut() {
            if last.0 + 1 < last.1 {
                last.0 += 1;
                return true;
            }
            self.path.pop();
        }
        false
    }
}

/// What a step sees: wakers, choices and the trace.
pub struct Cx {
    wakers: Vec<Waker>,
    chooser: Chooser,
    trace: Option<Vec<String>>,
    note: String,
    /// Index of the current step in this run (a logical clock).
    pub now: usize,
}

impl Cx {
    pub fn waker(&self, k: usize) -> &Waker {
        &self.wakers[k]
    }

    /// A data choice among `n` options (explored like the scheduling choices).
    pub fn choose(&mut self, n: usize) -> usize {
        self.chooser.choose(n)
    }

    pub fn tracing(&self) -> bool {
        self.trace.is_some()
    }

    /// Appends to the description of the current step (only when tracing).
    pub fn note(&mut self, f: impl FnOnce() -> String) {
        if self.trace.is_some() {
            if !self.note.is_empty() {
                self.note.push_str("; ");
            }
            self.note.push_str(&f());
        }
    }
}

pub struct Limits {
    /// Steps in one run before it counts as a livelock.
    pub max_steps: usize,
    /// Runs before the scenario counts as too large to explore fully.
    pub max_runs: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_steps: 400, max_runs: 3_000_000 }
    }
}

#[derive(Debug)]
pub struct Report {
    pub runs: u64,
    pub max_depth: usize,
    pub elapsed: Duration,
}

fn state_name(s: u8) -> &'static str {
    match s {
        runtime::task::IDLE => "idle",
        runtime::task::SCHEDULED => "scheduled",
        runtime::task::RUNNING => "running",
        runtime::task::NOTIFIED => "notified",
        runtime::task::DONE => "done",
        _ => "?",
    }
}

/// One run along the chooser's path. Returns the number of steps taken.
fn run_once<W: World>(world: &mut W, cx: &mut Cx, nodes: &[Arc<Node>], limits: &Limits) -> Result<usize, String> {
    let n = nodes.len();
    let names = world.task_names();
    let mut in_poll = vec![false; n];
    let mut done = vec![false; n];
    for node in nodes {
        node.header.mark_spawned();
    }
    let mut runnable = Vec::with_capacity(n);
    let mut before = vec![0u8; n];
    loop {
        runnable.clear();
        runnable.extend(
            (0..n).filter(|&k| !done[k] && (in_poll[k] || nodes[k].header.state() == runtime::task::SCHEDULED)),
        );
        if runnable.is_empty() {
            break;
        }
        if cx.now >= limits.max_steps {
            return Err(format!("no end after {} steps (livelock?)", limits.max_steps));
        }
        let k = runnable[cx.choose(runnable.len())];
        let fresh = !in_poll[k];
        if fresh {
            assert!(nodes[k].header.transition_to_running());
            in_poll[k] = true;
        }
        if cx.tracing() {
            for (b, node) in before.iter_mut().zip(nodes) {
                *b = node.header.state();
            }
        }
        let outcome = world.step(k, fresh, cx);
        if let Some(trace) = cx.trace.as_mut() {
            let woke: Vec<&str> = (0..n)
                .filter(|&j| {
                    let (b, a) = (before[j], nodes[j].header.state());
                    b != a && (a == runtime::task::SCHEDULED || a == runtime::task::NOTIFIED)
                })
                .map(|j| names[j].as_str())
                .collect();
            let mut line =
                format!("{:>3}  {:<5} {}{}", cx.now, names[k], if fresh { "poll: " } else { "      " }, cx.note);
            if !woke.is_empty() {
                line.push_str(&format!("  [wakes {}]", woke.join(", ")));
            }
            match outcome {
                Ok(Step::Pending) => line.push_str("  => Pending"),
                Ok(Step::Done) => line.push_str("  => done"),
                _ => {}
            }
            trace.push(line);
            cx.note.clear();
        }
        cx.now += 1;
        match outcome? {
            Step::Continue => {}
            Step::Pending => {
                in_poll[k] = false;
                nodes[k].header.transition_to_idle();
            }
            Step::Done => {
                in_poll[k] = false;
                done[k] = true;
                nodes[k].header.transition_to_done();
            }
        }
    }
    if let Some(trace) = cx.trace.as_mut() {
        let states: Vec<String> =
            (0..n).map(|k| format!("{}={}", names[k], state_name(nodes[k].header.state()))).collect();
        trace.push(format!("end: {}", states.join(" ")));
    }
    world.finish(&done, cx)?;
    Ok(cx.now)
}

fn fresh_run<W: World>(make: &dyn Fn() -> W, chooser: Chooser, tracing: bool) -> (W, Cx, Vec<Arc<Node>>) {
    let world = make();
    let n = world.task_names().len();
    let nodes: Vec<Arc<Node>> = (0..n).map(|_| Arc::new(Node { header: TaskHeader::new() })).collect();
    let wakers = nodes.iter().map(|node| Waker::detached(node.clone())).collect();
    let cx = Cx { wakers, chooser, trace: tracing.then(Vec::new), note: String::new(), now: 0 };
    (world, cx, nodes)
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        format!("panic: {s}")
    } else if let Some(s) = p.downcast_ref::<String>() {
        format!("panic: {s}")
    } else {
        "panic".into()
    }
}

/// Explores every interleaving of the world built by `make`; panics with the
/// trace of the first one that breaks an invariant.
pub fn explore<W: World>(name: &str, make: impl Fn() -> W, limits: Limits) -> Report {
    let start = Instant::now();
    let mut chooser = Chooser::default();
    let mut runs = 0u64;
    let mut max_depth = 0;
    loop {
        runs += 1;
        let (mut world, mut cx, nodes) = fresh_run(&make, chooser, false);
        let result = catch_unwind(AssertUnwindSafe(|| run_once(&mut world, &mut cx, &nodes, &limits)))
            .unwrap_or_else(|p| Err(panic_message(p)));
        match result {
            Ok(steps) => max_depth = max_depth.max(steps),
            Err(msg) => {
                let mut path = cx.chooser.path.clone();
                path.truncate(cx.chooser.pos);
                fail(name, runs, &make, path, &msg, &limits)
            }
        }
        chooser = cx.chooser;
        if !chooser.advance() {
            break;
        }
        if runs >= limits.max_runs {
            panic!("{name}: more than {} interleavings; make the scenario smaller", limits.max_runs);
        }
    }
    let report = Report { runs, max_depth, elapsed: start.elapsed() };
    // Straight to the stderr handle, not `eprintln!`: the test harness
    // captures the macros, and the counts belong in every CI log.
    let _ = writeln!(
        std::io::stderr(),
        "interleavings: {name}: {} interleavings explored, up to {} steps each, {:.2?}",
        report.runs,
        report.max_depth,
        report.elapsed
    );
    report
}

/// Replays the failing interleaving with tracing on and panics with its trace.
fn fail<W: World>(
    name: &str,
    run: u64,
    make: &dyn Fn() -> W,
    path: Vec<(usize, usize)>,
    msg: &str,
    limits: &Limits,
) -> ! {
    let choices: Vec<usize> = path.iter().map(|c| c.0).collect();
    let chooser = Chooser { path, pos: 0 };
    let (mut world, mut cx, nodes) = fresh_run(make, chooser, true);
    let replay = catch_unwind(AssertUnwindSafe(|| run_once(&mut world, &mut cx, &nodes, limits)))
        .unwrap_or_else(|p| Err(panic_message(p)));
    let trace = cx.trace.take().unwrap_or_default().join("\n    ");
    let again = match replay {
        Err(m) if m == msg => String::new(),
        Err(m) => format!("\n(the replay failed differently: {m})"),
        Ok(_) => "\n(the replay did not fail: the world is not deterministic)".into(),
    };
    panic!(
        "{name}: invariant broken in interleaving #{run}\n  {msg}{again}\n  choices: {choices:?}\n  trace (step, task, call => result):\n    {trace}\n"
    );
}
