//! A REPL session: one runtime and one table of globals for the whole
//! session. Each input is compiled against what earlier inputs defined
//! (`compiler::ReplState`) and runs as the task `main` on the session's
//! runtime, while the REPL thread waits for it; tasks it spawns keep running
//! between inputs. The front end (line editing, commands) is the binary's
//! `repl.rs`; this is everything that needs the VM.

use crate::compiler::{compile_repl_input, Program, ReplState};
use crate::error::{Thrown, TraceEntry};
use crate::interp::{Globals, RunOptions};
use crate::task::{Closing, RtCtx, TaskObj, TaskResult, WaitSite};
use crate::value::{Closure, Value};
use crate::Vm;
use parking_lot::Mutex;
use std::collections::HashSet;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// Global slots of a session (names defined at the prompt, over its life).
pub const SESSION_GLOBALS: usize = 65_536;

/// How an input ended.
#[derive(Debug)]
pub enum Outcome {
    /// An expression's value and its `repr`.
    Value(Value, String),
    /// Statements ran.
    Done,
    /// It did not compile (the diagnostics say why).
    CompileError,
    /// A runtime error, rendered with its traceback.
    Failed(String),
    /// Cancelled by the user (Ctrl-C).
    Interrupted,
    /// Interrupted twice but still running (stuck in a builtin): it goes on
    /// in the background.
    Abandoned,
}

/// The result of one input: the rendered diagnostics (warnings, or the
/// errors when it did not compile) and the outcome.
#[derive(Debug)]
pub struct Eval {
    pub diagnostics: String,
    pub outcome: Outcome,
}

pub struct Session {
    runtime: Option<runtime::Runtime>,
    ctx: Arc<RtCtx>,
    globals: Arc<Globals>,
    state: ReplState,
    /// Every source seen (inputs, loaded files, imported modules), newest last.
    sources: Vec<(Arc<str>, Arc<str>)>,
    inputs: usize,
    /// The input task running now (for deadlock detection).
    current: Arc<Mutex<Option<Weak<TaskObj>>>>,
    reported: HashSet<(String, String)>,
    /// Render diagnostics with colour.
    pub color: bool,
}

impl Session {
    pub fn new(opts: &RunOptions) -> Session {
        crate::rng::seed(opts.seed);
        let globals = Arc::new(Globals::with_capacity(SESSION_GLOBALS));
        let rt = runtime::Runtime::new(opts.workers, opts.virtual_time);
        let ctx = RtCtx::for_session(rt.shared.clone(), globals.clone(), opts.trace);
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
        Session {
            runtime: Some(rt),
            ctx,
            globals,
            state: ReplState::new(SESSION_GLOBALS),
            sources: Vec::new(),
            inputs: 0,
            current,
            reported: HashSet::new(),
            color: false,
        }
    }

    /// The name the next input is compiled under (`<input-N>`).
    pub fn next_input_name(&self) -> String {
        format!("<input-{}>", self.inputs + 1)
    }

    /// Compiles an input (`file` names it in messages and resolves its
    /// imports; `None` gives the next `<input-N>`). Returns the program and
    /// the rendered diagnostics.
    pub fn compile(&mut self, file: Option<&str>, src: &str) -> (Option<Program>, String) {
        self.inputs += 1;
        let file = file.map(str::to_string).unwrap_or_else(|| format!("<input-{}>", self.inputs));
        let (tokens, mut diags) = lexer::lex(src);
        let (module, parse_diags) = parser::parse_module(&tokens, src.len());
        diags.extend(parse_diags);
        let mut program = None;
        if let (Some(module), false) = (module, diags.iter().any(|d| d.is_error())) {
            let (p, more) = compile_repl_input(&module, &file, src, &mut self.state);
            diags.extend(more);
            program = p;
        }
        let mut rendered = String::new();
        for d in &diags {
            rendered.push_str(&d.render(&file, src, self.color));
        }
        if let Some(p) = &program {
            self.globals.set_names(&p.global_names);
            self.sources.push((p.file.clone(), p.src.clone()));
            for m in &p.modules {
                self.sources.push((m.file.clone(), m.src.clone()));
            }
        }
        (program, rendered)
    }

    /// Compiles and runs an input. `interrupted` is polled while it runs:
    /// true cancels it (a second true gives up waiting for it).
    pub fn eval(&mut self, file: Option<&str>, src: &str, interrupted: &dyn Fn() -> bool) -> Eval {
        let (program, diagnostics) = self.compile(file, src);
        let outcome = match program {
            Some(p) => self.run(&p, interrupted),
            None => Outcome::CompileError,
        };
        Eval { diagnostics, outcome }
    }

    /// Runs a compiled input as the task `main` and waits for it.
    pub fn run(&mut self, program: &Program, interrupted: &dyn Fn() -> bool) -> Outcome {
        let init =
            Value::Func(Arc::new(Closure::new(program.init.clone(), Vec::new(), Vec::new(), self.globals.clone())));
        let vm = match Vm::for_call(&self.ctx, init, Vec::new(), Vec::new()) {
            Ok(vm) => vm,
            Err(thrown) => return Outcome::Failed(self.render_error(&thrown, &[], "main")),
        };
        let task = self.ctx.spawn(vm, Some("main".into()));
        *self.current.lock() = Some(Arc::downgrade(&task));
        let mut interrupts = 0;
        let result = loop {
            if let Some(r) = task.wait_blocking_for(Duration::from_millis(20)) {
                break r;
            }
            if interrupted() {
                interrupts += 1;
                if interrupts == 1 {
                    task.interrupt();
                } else {
                    *self.current.lock() = None;
                    return Outcome::Abandoned;
                }
            }
        };
        // Marks the result observed (the report below is its only one).
        let _ = task.result();
        *self.current.lock() = None;
        match result {
            TaskResult::Value(Value::Tuple(pair)) if pair.len() == 2 => {
                let repr = match &pair[1] {
                    Value::Str(s) => (**s).clone(),
                    other => crate::format::to_repr(other),
                };
                Outcome::Value(pair[0].clone(), repr)
            }
            TaskResult::Value(_) => Outcome::Done,
            TaskResult::Failed(f) if interrupts > 0 && matches!(f.thrown.kind(), Some("CancelledError")) => {
                Outcome::Interrupted
            }
            TaskResult::Failed(f) => Outcome::Failed(self.render_error(&f.thrown, &f.trace, "main")),
        }
    }

    /// `error: Kind: message`, the traceback with each frame's file:line:col
    /// (inputs, loaded files and modules alike) and the failing line.
    pub fn render_error(&self, thrown: &Thrown, trace: &[TraceEntry], task: &str) -> String {
        let mut out = format!("error: {}\n", thrown.headline());
        if trace.is_empty() {
            return out;
        }
        out.push_str(&format!("traceback (most recent call last), in task `{task}`:\n"));
        for t in trace.iter().rev() {
            match self.source_of(&t.file) {
                Some(src) => {
                    let (line, col) = lexer::line_col(src, t.span.lo as usize);
                    out.push_str(&format!("  {}:{line}:{col}: in {}\n", t.file, t.function));
                }
                None => out.push_str(&format!("  {}: in {}\n", t.file, t.function)),
            }
        }
        if let Some(inner) = trace.first() {
            if let Some(src) = self.source_of(&inner.file) {
                let (line, col) = lexer::line_col(src, inner.span.lo as usize);
                let text = lexer::line_text(src, line);
                let width = src
                    .get(inner.span.range())
                    .map(|s| s.lines().next().unwrap_or("").chars().count())
                    .unwrap_or(1)
                    .max(1);
                let gutter = line.to_string().len();
                out.push_str(&format!("{:gutter$} |\n", ""));
                out.push_str(&format!("{line} | {text}\n"));
                out.push_str(&format!("{:gutter$} | {}{}\n", "", " ".repeat(col.saturating_sub(1)), "^".repeat(width)));
            }
        }
        out
    }

    /// The source of a file the session compiled (the newest, if twice).
    pub fn source_of(&self, file: &str) -> Option<&str> {
        self.sources.iter().rev().find(|(f, _)| &**f == file).map(|(_, s)| &**s)
    }

    /// "file:line: text" for a wait site.
    pub fn describe_site(&self, site: &WaitSite) -> String {
        match self.source_of(&site.file) {
            Some(src) => {
                let (line, _) = lexer::line_col(src, site.span.lo as usize);
                format!("{}:{line}: {}", site.file, lexer::line_text(src, line).trim())
            }
            None => site.describe(&self.ctx),
        }
    }

    /// The tasks still running: `(name, id, where it waits)`.
    pub fn tasks(&self) -> Vec<(String, u64, String)> {
        let mut out: Vec<_> = self
            .ctx
            .live_tasks()
            .into_iter()
            .map(|t| {
                let at = match t.wait_site() {
                    Some(site) => format!("waits at {}", self.describe_site(&site)),
                    None => "running or ready to run".to_string(),
                };
                (t.name().into_owned(), t.id, at)
            })
            .collect();
        out.sort_by_key(|t| t.1);
        out
    }

    /// Background tasks that failed since the last call, nobody having
    /// awaited them: "task `name` failed: Kind: message".
    pub fn new_failures(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, headline) in self.ctx.unobserved_failures() {
            if self.reported.insert((name.clone(), headline.clone())) {
                out.push(format!("task `{name}` failed: {headline}"));
            }
        }
        out
    }

    /// Every global name defined so far.
    pub fn global_names(&self) -> Vec<String> {
        self.state.global_names().iter().filter(|n| !crate::compiler::is_hidden_global(n)).cloned().collect()
    }

    /// The current value of a global, if it has one.
    pub fn global(&self, name: &str) -> Option<Value> {
        let slot = self.state.slot_of(name)?;
        self.globals.get(slot as usize)
    }

    /// The standard module a name stands for (`math`, or `m` after `import math as m`).
    pub fn std_module(&self, name: &str) -> Option<&'static [&'static str]> {
        if self.state.slot_of(name).is_some() {
            return None;
        }
        let module = self.state.module_alias(name).unwrap_or(name);
        crate::builtins::module_exports(module)
    }

    /// Cancels every task still running and gives them up to `grace` to
    /// finish (their `finally` blocks run), then stops the runtime.
    pub fn shutdown(&mut self, grace: Duration) {
        let deadline = std::time::Instant::now() + grace;
        self.ctx.close(Closing::Interrupt, None);
        self.ctx.wait_live_tasks(deadline, None);
        if let Some(rt) = self.runtime.take() {
            if self.ctx.live_tasks().is_empty() {
                rt.shutdown();
            } else {
                // A task that ignores cancellation (stuck in a builtin) would
                // make joining the workers hang: leave them to the process exit.
                std::mem::forget(rt);
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.runtime.is_some() {
            self.shutdown(Duration::from_secs(1));
        }
    }
}
