//! Support for `mojolite test`: find the `test_*` functions of a file and
//! run one of them in isolation — a fresh runtime and fresh globals, the
//! module's top level (without `main`), then the test function as the task
//! `main`, within a time limit.

use crate::compiler::{compile_without_main, Program};
use crate::error::{Thrown, TraceEntry};
use crate::interp::{Globals, RunOptions};
use crate::task::{Closing, RtCtx, TaskObj, TaskResult};
use crate::value::{Closure, Value};
use crate::Vm;
use lexer::Diagnostic;
use parking_lot::Mutex;
use parser::ast::StmtKind;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// A test file, compiled: the program and its test functions in source order.
pub struct TestFile {
    pub program: Program,
    pub tests: Vec<String>,
}

/// What `compile_tests` found.
pub enum Compiled {
    /// Tests, ready to run.
    Ready(TestFile),
    /// The file parses but defines no test (it is not compiled).
    NoTests,
    /// It does not parse, or it has tests and does not compile.
    Failed,
}

impl Compiled {
    pub fn ready(self) -> Option<TestFile> {
        match self {
            Compiled::Ready(t) => Some(t),
            _ => None,
        }
    }
}

/// Lexes and parses a file, lists its top-level `fn test_*` / `async fn
/// test_*`, and when there are any compiles it for testing (its top level
/// does not call `main`).
pub fn compile_tests(file: &str, src: &str) -> (Compiled, Vec<Diagnostic>) {
    let (tokens, mut diags) = lexer::lex(src);
    let (module, parse_diags) = parser::parse_module(&tokens, src.len());
    diags.extend(parse_diags);
    let Some(module) = module else {
        return (Compiled::Failed, diags);
    };
    if diags.iter().any(|d| d.is_error()) {
        return (Compiled::Failed, diags);
    }
    let mut tests: Vec<String> = Vec::new();
    for stmt in &module.body {
        if let StmtKind::Fn(f) = &stmt.kind {
            if f.name.name.starts_with("test_") && !tests.contains(&f.name.name) {
                tests.push(f.name.name.clone());
            }
        }
    }
    if tests.is_empty() {
        return (Compiled::NoTests, diags);
    }
    let (program, more) = compile_without_main(&module, file, src);
    diags.extend(more);
    match program {
        Some(program) => (Compiled::Ready(TestFile { program, tests }), diags),
        None => (Compiled::Failed, diags),
    }
}

/// How one test ended.
#[derive(Debug, Clone)]
pub enum TestOutcome {
    Pass,
    /// The error's headline (`Kind: message`) and where it was raised
    /// (innermost frame last, as in `TaskResult::Failed`).
    Fail {
        message: String,
        trace: Vec<TraceEntry>,
    },
    /// Still running after the time limit (it was then cancelled).
    Timeout,
}

/// Runs the top level of `program`, then the function `name` (sync or
/// async, no arguments), on a fresh runtime. The whole run gets `limit`.
pub fn run_test(program: &Program, name: &str, opts: &RunOptions, limit: Duration) -> TestOutcome {
    crate::rng::seed(opts.seed);
    let deadline = Instant::now() + limit;
    // No slot is frozen here, so that `clear` can free the table after the
    // run (a file of many tests runs its program once per test, in this
    // process).
    let globals = Arc::new(Globals::new(program.global_names.clone(), &vec![false; program.global_names.len()]));
    let rt = runtime::Runtime::new(opts.workers, opts.virtual_time);
    let mut sources = vec![(program.file.clone(), program.src.clone())];
    sources.extend(program.modules.iter().map(|m| (m.file.clone(), m.src.clone())));
    let ctx = RtCtx::new(rt.shared.clone(), globals.clone(), opts.trace, sources);
    let current: Arc<Mutex<Option<Weak<TaskObj>>>> = Arc::new(Mutex::new(None));
    let hook_ctx = Arc::downgrade(&ctx);
    let hook_current = current.clone();
    ctx.rt.set_idle_hook(Box::new(move || {
        let running = hook_current.lock().as_ref().and_then(Weak::upgrade);
        match (hook_ctx.upgrade(), running) {
            (Some(ctx), Some(main)) => crate::deadlock::detect(&ctx, &main),
            _ => false,
        }
    }));
    let init = Value::Func(Arc::new(Closure::new(program.init.clone(), Vec::new(), Vec::new(), globals.clone())));
    let outcome = (|| {
        // The module's top level.
        let top = match spawn_call(&ctx, init, "main") {
            Ok(t) => t,
            Err(thrown) => return fail(thrown, Vec::new()),
        };
        *current.lock() = Some(Arc::downgrade(&top));
        match wait_until(&top, deadline) {
            None => return TestOutcome::Timeout,
            Some(TaskResult::Failed(f)) => return fail(f.thrown, f.trace),
            Some(TaskResult::Value(_)) => {}
        }
        // The test function.
        let f = program.global_names.iter().position(|n| n == name).and_then(|slot| globals.get(slot));
        let Some(f) = f else {
            return fail(Thrown::new("Error", format!("test function `{name}` is not defined")), Vec::new());
        };
        let test = match spawn_call(&ctx, f, "main") {
            Ok(t) => t,
            Err(thrown) => return fail(thrown, Vec::new()),
        };
        *current.lock() = Some(Arc::downgrade(&test));
        match wait_until(&test, deadline) {
            None => TestOutcome::Timeout,
            Some(TaskResult::Failed(f)) => fail(f.thrown, f.trace),
            Some(TaskResult::Value(_)) => TestOutcome::Pass,
        }
    })();
    // Whatever still runs (the timed-out test, tasks it spawned) is
    // cancelled and given a moment to run its `finally` blocks.
    let grace = Instant::now() + Duration::from_secs(1);
    ctx.close(Closing::Interrupt, None);
    ctx.wait_live_tasks(grace, None);
    *current.lock() = None;
    if ctx.live_tasks().is_empty() {
        rt.shutdown();
        globals.clear();
    } else {
        // Stuck in a builtin: joining its worker could hang.
        std::mem::forget(rt);
    }
    outcome
}

fn spawn_call(ctx: &Arc<RtCtx>, f: Value, name: &str) -> Result<Arc<TaskObj>, Thrown> {
    let vm = Vm::for_call(ctx, f, Vec::new(), Vec::new())?;
    Ok(ctx.spawn(vm, Some(name.into())))
}

fn wait_until(task: &Arc<TaskObj>, deadline: Instant) -> Option<TaskResult> {
    let left = deadline.saturating_duration_since(Instant::now());
    task.wait_blocking_for(left)?;
    Some(task.wait_blocking())
}

fn fail(thrown: Thrown, trace: Vec<TraceEntry>) -> TestOutcome {
    TestOutcome::Fail { message: thrown.headline(), trace }
}
