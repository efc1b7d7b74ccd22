//! `RtCtx`: what every task of one program shares — the scheduler, the
//! registry of live tasks, the failures nobody has seen yet, the imported
//! modules, and how the program is ending (`Closing`). It makes and queues
//! the program's tasks (`spawn*`, `fn_task*`, `queue`).

use super::*;

/// Shared by all tasks of a program.
pub struct RtCtx {
    pub rt: Arc<Shared>,
    pub globals: Arc<Globals>,
    /// Tasks that have suspended and not finished (a finished task leaves
    /// at once, so a million short tasks do not stay allocated). See
    /// `crate::registry`.
    pub(super) tasks: Registry<TaskObj>,
    /// Register every task at spawn, not at its first suspension (the
    /// REPL, whose `:tasks` lists tasks that have not run yet too).
    pub(super) register_at_spawn: bool,
    /// Set once the program (or session, or test) is ending and its tasks
    /// are being cancelled: `Closing::*`. A task that was not registered
    /// when they were cancelled (queued, or in its first time slice)
    /// reads it when it starts or first suspends and cancels itself.
    pub(super) closing: std::sync::atomic::AtomicU8,
    /// Tasks that failed: name, `Kind: message`, and the task (weakly) to see
    /// later whether someone observed the failure.
    pub(super) failures: Mutex<Vec<(String, String, Weak<TaskObj>)>>,
    /// Instances of imported modules of your own, by canonical path.
    pub(super) modules: Mutex<std::collections::HashMap<String, Value>>,
    pub(super) next_id: AtomicU64,
    pub trace: bool,
    /// Source of the main file, for wait-site descriptions.
    pub sources: Vec<(Arc<str>, Arc<str>)>,
    /// A `DeadlockError` message for the main task with this id (kept here,
    /// not in every task: only main is ever sent one).
    pub(super) deadlock: Mutex<Option<(u64, String)>>,
}

/// A runtime worker stopping: its pooled VMs go, then its cached blocks.
fn worker_exit() {
    crate::interp::pool::drain();
    crate::block_cache::flush();
}

/// How the tasks of an ending program are stopped (`RtCtx::close`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Closing {
    No = 0,
    /// `cancel`: `CancelledError` at the next suspension (main's end).
    Cancel = 1,
    /// `interrupt`: also between time slices (a test's or session's end).
    Interrupt = 2,
}

impl RtCtx {
    /// Stops every task but `except`: sets the closing mode first, so a
    /// task that registers after the scan below cancels itself, then
    /// cancels (or interrupts) every registered task. A task that is queued
    /// and has not started never runs its body.
    pub fn close(&self, how: Closing, except: Option<&TaskObj>) {
        // A stronger mode is never weakened (an interrupt stays one).
        self.closing.fetch_max(how as u8, Ordering::SeqCst);
        for t in self.live_tasks() {
            if except.is_some_and(|e| std::ptr::eq(Arc::as_ptr(&t), e)) {
                continue;
            }
            match how {
                Closing::No => {}
                Closing::Cancel => t.cancel(),
                Closing::Interrupt => t.interrupt(),
            }
        }
    }

    pub(super) fn closing(&self) -> Closing {
        match self.closing.load(Ordering::SeqCst) {
            0 => Closing::No,
            1 => Closing::Cancel,
            _ => Closing::Interrupt,
        }
    }

    /// After `close`: waits until every registered task has finished and
    /// nothing is queued or running, or `deadline` passes (false then).
    /// A task cancelled by `close` in its first time slice registers when
    /// it suspends, and is waited for too: its `finally` blocks run.
    pub fn wait_live_tasks(&self, deadline: std::time::Instant, except: Option<&TaskObj>) -> bool {
        loop {
            let live: Vec<_> = self
                .live_tasks()
                .into_iter()
                .filter(|t| !except.is_some_and(|e| std::ptr::eq(Arc::as_ptr(t), e)))
                .collect();
            if live.is_empty() {
                if self.rt.runnable() == 0 {
                    return true;
                }
                // Queued tasks (cancelled when they start) or tasks in their
                // first slice: look again shortly.
                if std::time::Instant::now() >= deadline {
                    return false;
                }
                std::thread::sleep(std::time::Duration::from_micros(200));
                continue;
            }
            for t in live {
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                if left.is_zero() || t.wait_blocking_for(left).is_none() {
                    return false;
                }
            }
        }
    }

    pub fn new(rt: Arc<Shared>, globals: Arc<Globals>, trace: bool, sources: Vec<(Arc<str>, Arc<str>)>) -> Arc<RtCtx> {
        Arc::new(RtCtx::unshared(rt, globals, trace, sources))
    }

    /// A REPL session's context: every task is registered at spawn, so
    /// `:tasks` also lists the ones that have not run yet.
    pub fn for_session(rt: Arc<Shared>, globals: Arc<Globals>, trace: bool) -> Arc<RtCtx> {
        Arc::new(RtCtx { register_at_spawn: true, ..RtCtx::unshared(rt, globals, trace, Vec::new()) })
    }

    fn unshared(rt: Arc<Shared>, globals: Arc<Globals>, trace: bool, sources: Vec<(Arc<str>, Arc<str>)>) -> RtCtx {
        runtime::scheduler::on_worker_exit(worker_exit);
        RtCtx {
            rt,
            globals,
            tasks: Default::default(),
            register_at_spawn: false,
            closing: std::sync::atomic::AtomicU8::new(Closing::No as u8),
            failures: Mutex::new(Vec::new()),
            modules: Mutex::new(Default::default()),
            next_id: AtomicU64::new(1),
            trace,
            sources,
            deadlock: Mutex::new(None),
        }
    }

    /// Creates a task that will run `vm` (whose fiber already has its entry
    /// frame) and queues it.
    pub fn spawn(self: &Arc<Self>, vm: Vm, name: Option<Arc<str>>) -> Arc<TaskObj> {
        self.spawn_slot(FiberSlot::Ready(Box::new(vm)), TaskName::given(name), false)
    }

    /// Spawns the program's main task (its end cancels every other task).
    pub fn spawn_main(self: &Arc<Self>, vm: Vm) -> Arc<TaskObj> {
        self.spawn_slot(FiberSlot::Ready(Box::new(vm)), TaskName::Given("main".into()), true)
    }

    /// Creates a task that will call `f(args)` (its fiber is built when it
    /// first runs) and queues it.
    pub fn spawn_call(
        self: &Arc<Self>,
        f: Value,
        args: CallArgs,
        kw: Vec<(Arc<str>, Value)>,
        name: Option<Arc<str>>,
    ) -> Arc<TaskObj> {
        let name = TaskName::given(name);
        match f {
            Value::Func(c) if kw.is_empty() => self.spawn_slot(FiberSlot::Start(FrameFn::Owned(c), args), name, false),
            f => self.spawn_slot(FiberSlot::StartKw(Box::new((f, args, kw.into_boxed_slice()))), name, false),
        }
    }

    /// `spawn_call` of a function as a frame holds it (`TaskName::of_fn`
    /// names the task after it without touching a shared count).
    pub fn spawn_fn_call(self: &Arc<Self>, call: FnCall, name: TaskName) -> Arc<TaskObj> {
        let task = self.fn_task(call, name);
        self.queue(&task);
        task
    }

    /// The task of `spawn_fn_call`, not queued yet: whoever keeps a second
    /// reference to it (a TaskGroup) takes it now, while nothing else
    /// touches its count.
    pub fn fn_task(self: &Arc<Self>, call: FnCall, name: TaskName) -> Arc<TaskObj> {
        self.fn_task_with(call, name, None)
    }

    /// `fn_task` with a first waiter already in place (a combinator's
    /// `Completions`, at the child's index): no lock is taken to add it.
    pub(crate) fn fn_task_with(
        self: &Arc<Self>,
        (func, args, kw): FnCall,
        name: TaskName,
        waiter: Option<Waiter>,
    ) -> Arc<TaskObj> {
        if kw.is_empty() {
            self.new_task(FiberSlot::Start(func, args), name, false, waiter)
        } else {
            let slot = FiberSlot::StartKw(Box::new((Value::Func(func.into_arc()), args, kw.into_boxed_slice())));
            self.new_task(slot, name, false, waiter)
        }
    }

    /// Queues a task of `fn_task` to run.
    pub fn queue(&self, task: &Arc<TaskObj>) {
        if self.trace {
            trace_line!("[trace] spawn {} (#{})", task.name(), task.id);
        }
        self.rt.spawn(task.clone() as TaskRef);
    }

    fn spawn_slot(self: &Arc<Self>, fiber: FiberSlot, name: TaskName, is_main: bool) -> Arc<TaskObj> {
        let task = self.new_task(fiber, name, is_main, None);
        self.queue(&task);
        task
    }

    fn new_task(
        self: &Arc<Self>,
        fiber: FiberSlot,
        name: TaskName,
        is_main: bool,
        waiter: Option<Waiter>,
    ) -> Arc<TaskObj> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        // When registered as it is built, readers of the registry skip it
        // until it is (`upgrade` fails before).
        Arc::new_cyclic(|me| TaskObj {
            header: TaskHeader::new(),
            id,
            name,
            fiber: Mutex::new(FiberCell {
                slot: fiber,
                ticket: (self.register_at_spawn || is_main).then(|| self.tasks.insert(id, me.clone())),
            }),
            result: UnsafeCell::new(None),
            result_state: AtomicU8::new(RESULT_NONE),
            state: Mutex::new(TaskState { waiters: first_waiters(waiter) }),
            observed: AtomicBool::new(false),
            cancel_pending: AtomicBool::new(false),
            cancelled: AtomicBool::new(false),
            interrupt_anywhere: AtomicBool::new(false),
            deadlock_pending: AtomicBool::new(false),
            ctx: self.clone(),
            is_main,
        })
    }

    /// Every task that has suspended (or was registered at spawn) and has
    /// not finished. A task that is queued and never ran, or that is in its
    /// first time slice, is not listed.
    pub fn live_tasks(&self) -> Vec<Arc<TaskObj>> {
        let mut live: Vec<Arc<TaskObj>> = self.tasks.live().into_iter().filter(|t| !t.is_done()).collect();
        live.sort_by_key(|t| t.id);
        live
    }

    /// Tasks that failed and whose failure nobody observed.
    pub fn unobserved_failures(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        // Observing a failure removes it from this list.
        for (name, headline, _) in self.failures.lock().iter() {
            out.push((name.clone(), headline.clone()));
        }
        out
    }

    /// The program's one instance of a module of your own: `(module, body to
    /// run)` the first time, `(module, None)` afterwards.
    pub fn instantiate(&self, spec: &Arc<crate::compiler::ModuleSpec>) -> (Value, Option<Arc<crate::value::Closure>>) {
        let mut modules = self.modules.lock();
        if let Some(m) = modules.get(&spec.key) {
            return (m.clone(), None);
        }
        let globals = Arc::new(crate::interp::Globals::new(spec.global_names.clone(), &spec.frozen));
        let module =
            Value::Module(Arc::new(crate::value::ModuleObj { name: spec.name.clone(), globals: globals.clone() }));
        modules.insert(spec.key.clone(), module.clone());
        let init = crate::value::Closure::new(spec.init.clone(), Vec::new(), Vec::new(), globals);
        (module, Some(Arc::new(init)))
    }

    pub fn source_of(&self, file: &str) -> Option<&str> {
        self.sources.iter().find(|(f, _)| &**f == file).map(|(_, s)| &**s)
    }
}
