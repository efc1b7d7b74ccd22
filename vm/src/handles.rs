//! The shared handle types of LANGUAGE.md §10 as values: `Lock`,
//! `Semaphore`, `Event`, `Atomic`, `Shared`, `TaskGroup`, `Executor`. Each
//! is internally synchronised, so any number of tasks may use one at once;
//! copying a handle shares it (unlike every other value).

use crate::error::{RtResult, Thrown};
use crate::futures::{self, FutCx, FutPoll, NativeFuture};
use crate::task::{RtCtx, TaskObj, Wake};
use crate::value::Value;
use parking_lot::Mutex;
use runtime::spinlock::SpinLock;
use runtime::{AcquireOp, Event, Semaphore, WaitOp};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

pub enum Handle {
    /// A lock is a semaphore of one permit.
    Lock(Semaphore),
    Semaphore(Semaphore),
    Event(Event),
    Atomic(AtomicI64),
    Shared(Mutex<Value>),
    /// Its children, in order: pushed by every spawn into the group, so a
    /// spin lock (released with a plain store).
    TaskGroup(SpinLock<Vec<Arc<TaskObj>>>),
    Executor(Executor),
    /// A handle defined outside the VM (sockets, HTTP responses in stdlib).
    Foreign(Box<dyn Foreign>),
}

/// A handle type defined by another crate.
pub trait Foreign: Send + Sync + 'static {
    fn type_name(&self) -> &'static str;
    /// Calls `name`; `None` when there is no such method.
    fn method(
        &self,
        vm: &mut crate::interp::Vm,
        this: &Arc<Handle>,
        name: &str,
        args: &[Value],
    ) -> Option<RtResult<Value>>;
    /// A field read (`response.status`); `None` when there is none.
    fn attr(&self, _name: &str) -> Option<Value> {
        None
    }
    fn method_names(&self) -> &'static [&'static str];
    fn as_any(&self) -> &dyn std::any::Any;
}

pub struct Executor {
    pub ctx: Arc<RtCtx>,
    pub runtime: Mutex<Option<runtime::Runtime>>,
    pub tasks: Mutex<Vec<Arc<TaskObj>>>,
}

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.type_name())
    }
}

impl Handle {
    pub fn type_name(&self) -> &'static str {
        match self {
            Handle::Lock(_) => "Lock",
            Handle::Semaphore(_) => "Semaphore",
            Handle::Event(_) => "Event",
            Handle::Atomic(_) => "Atomic",
            Handle::Shared(_) => "Shared",
            Handle::TaskGroup(_) => "TaskGroup",
            Handle::Executor(_) => "Executor",
            Handle::Foreign(f) => f.type_name(),
        }
    }

    pub fn value(self) -> Value {
        Value::Handle(Arc::new(self))
    }
}

fn arity(name: &str, args: &[Value], n: usize) -> RtResult<()> {
    if args.len() == n {
        Ok(())
    } else {
        Err(Thrown::type_error(format!(
            "{name}() takes {n} argument{} but {} were given",
            if n == 1 { "" } else { "s" },
            args.len()
        )))
    }
}

fn int_arg(v: &Value, what: &str) -> RtResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(Thrown::type_error(format!("{what} must be an Int, not {}", other.type_name()))),
    }
}

pub fn method_names(h: &Handle) -> &'static [&'static str] {
    match h {
        Handle::Lock(_) => &["acquire", "release", "locked", "__aenter__", "__aexit__"],
        Handle::Semaphore(_) => &["acquire", "release", "available", "__aenter__", "__aexit__"],
        Handle::Event(_) => &["set", "clear", "is_set", "wait"],
        Handle::Atomic(_) => &["load", "store", "fetch_add", "compare_exchange"],
        Handle::Shared(_) => &["get", "set"],
        Handle::TaskGroup(_) => &["spawn", "__aenter__", "__aexit__"],
        Handle::Executor(_) => &["spawn", "shutdown"],
        Handle::Foreign(f) => f.method_names(),
    }
}

/// What an awaited `__aenter__`/`__aexit__` of a handle gives (see
/// `context_call`).
pub enum ContextStep {
    /// Done at once: the awaited result itself (no future is made).
    Ready(Value),
    /// A future to await.
    Await(Value),
}

/// `await h.__aenter__()` / `await h.__aexit__(err)` as `async with`
/// makes them, on the handles whose entry or exit needs no general method
/// call: a TaskGroup's entry (the group itself) and exit (the future that
/// waits for its children), a Lock's or Semaphore's exit (a release, done
/// at once). None for any other handle or call (`method` handles them).
/// `method` gives the same results, as futures.
pub fn context_call(this: &Arc<Handle>, name: &str, arg: Option<&Value>) -> Option<RtResult<ContextStep>> {
    Some(match (&**this, name) {
        (Handle::TaskGroup(_), "__aenter__") => Ok(ContextStep::Ready(Value::Handle(this.clone()))),
        (Handle::TaskGroup(_), "__aexit__") => {
            let body_failed = !matches!(arg, None | Some(Value::None));
            Ok(ContextStep::Await(futures::value(GroupExit::new(this.clone(), body_failed))))
        }
        (Handle::Lock(s) | Handle::Semaphore(s), "__aexit__") => {
            release(this, s).map(|()| ContextStep::Ready(Value::None))
        }
        _ => return None,
    })
}

/// Gives back a permit of a Lock or Semaphore.
fn release(this: &Handle, s: &Semaphore) -> RtResult<()> {
    if s.release() {
        Ok(())
    } else {
        Err(Thrown::value_error(format!("{} released more times than acquired", this.type_name())))
    }
}

/// Calls `name` on a handle; `None` when it has no such method. `task_name`
/// is the `name=` of `spawn`.
pub fn method(
    vm: &mut crate::interp::Vm,
    this: &Arc<Handle>,
    name: &str,
    args: &[Value],
    task_name: Option<Arc<str>>,
) -> Option<RtResult<Value>> {
    let me = Value::Handle(this.clone());
    if let Handle::Foreign(f) = &**this {
        return f.method(vm, this, name, args);
    }
    if let Some(step) = context_call(this, name, args.first()) {
        // Called by hand (not awaited at once by `async with`): a future.
        return Some(step.map(|step| match step {
            ContextStep::Ready(v) => futures::ready(v),
            ContextStep::Await(fut) => fut,
        }));
    }
    let r = match (&**this, name) {
        (Handle::Lock(_) | Handle::Semaphore(_), "acquire" | "__aenter__") => arity(name, args, 0).map(|_| {
            futures::value(Acquire { handle: this.clone(), op: AcquireOp::default(), done: false, result: me.clone() })
        }),
        (Handle::Lock(s) | Handle::Semaphore(s), "release") => {
            arity(name, args, 0).and_then(|_| release(this, s)).map(|()| Value::None)
        }
        (Handle::Lock(s), "locked") => Ok(Value::Bool(s.available() == 0)),
        (Handle::Semaphore(s), "available") => Ok(Value::Int(s.available() as i64)),
        (Handle::Event(e), "set") => {
            e.set();
            Ok(Value::None)
        }
        (Handle::Event(e), "clear") => {
            e.clear();
            Ok(Value::None)
        }
        (Handle::Event(e), "is_set") => Ok(Value::Bool(e.is_set())),
        (Handle::Event(_), "wait") => {
            Ok(futures::value(WaitEvent { handle: this.clone(), op: WaitOp::default(), waker: None }))
        }
        (Handle::Atomic(a), "load") => Ok(Value::Int(a.load(Ordering::SeqCst))),
        (Handle::Atomic(a), "store") => arity(name, args, 1).and_then(|_| {
            a.store(int_arg(&args[0], "the stored value")?, Ordering::SeqCst);
            Ok(Value::None)
        }),
        (Handle::Atomic(a), "fetch_add") => arity(name, args, 1).and_then(|_| {
            let d = int_arg(&args[0], "the increment")?;
            let mut cur = a.load(Ordering::SeqCst);
            loop {
                let new = cur.checked_add(d).ok_or_else(|| Thrown::new("OverflowError", "integer overflow"))?;
                match a.compare_exchange_weak(cur, new, Ordering::SeqCst, Ordering::SeqCst) {
                    Ok(_) => return Ok(Value::Int(cur)),
                    Err(actual) => cur = actual,
                }
            }
        }),
        (Handle::Atomic(a), "compare_exchange") => arity(name, args, 2).and_then(|_| {
            let old = int_arg(&args[0], "the expected value")?;
            let new = int_arg(&args[1], "the new value")?;
            Ok(Value::Bool(a.compare_exchange(old, new, Ordering::SeqCst, Ordering::SeqCst).is_ok()))
        }),
        (Handle::Shared(m), "get") => arity(name, args, 0).map(|_| m.lock().clone()),
        (Handle::Shared(m), "set") => arity(name, args, 1).map(|_| {
            *m.lock() = args[0].clone();
            Value::None
        }),
        (Handle::TaskGroup(children), "spawn") => match args.first() {
            Some(c) => crate::builtins::tasks::to_task(vm, c, task_name).map(|t| {
                join_group(children, &t);
                Value::Task(t)
            }),
            None => Err(Thrown::type_error("tg.spawn() needs a coroutine")),
        },
        (Handle::Executor(ex), "spawn") if ex.runtime.lock().is_none() => Err(Thrown::new(
            "Error",
            "executor.spawn(): this executor was shut down (spawn its tasks before `shutdown()`)",
        )),
        (Handle::Executor(ex), "spawn") => match args.first() {
            Some(Value::Coroutine(c)) => (|| {
                let (f, a, kw) = c.take()?;
                let _ = &ex.ctx;
                if let Some(main_ctx) = &vm.ctx {
                    // The caller's runtime must not look idle while this runs.
                    main_ctx.rt.external.fetch_add(1, Ordering::AcqRel);
                }
                let t = ex.ctx.spawn_call(f, a, kw, task_name.or_else(|| c.name.to_arc()));
                t.set_on_finish(vm.ctx.as_ref().map(|c| c.rt.clone()));
                ex.tasks.lock().push(t.clone());
                Ok(Value::Task(t))
            })(),
            _ => Err(Thrown::type_error("executor.spawn() needs a coroutine")),
        },
        (Handle::Executor(ex), "shutdown") => {
            // Waits (blocking this thread, not a worker of the executor) for
            // the executor's tasks, then stops its workers.
            let tasks: Vec<Arc<TaskObj>> = ex.tasks.lock().clone();
            for t in tasks {
                t.wait_blocking();
            }
            if let Some(rt) = ex.runtime.lock().take() {
                rt.shutdown();
            }
            Ok(Value::None)
        }
        _ => return None,
    };
    Some(r)
}

/// A child joins its TaskGroup's list. The list starts with room for a
/// typical group (a fan-out of a few to a dozen children) rather than
/// growing 1, 2, 4, 8, 16 as they are spawned. When it is full, the
/// children that already finished with a value are let go first (the
/// group's end needs only the unfinished and the failed), so a group that
/// lives long — an accept loop spawning a child per connection — holds its
/// running children, not every child it ever had. The list grows only when
/// more than half of it is left: each look over it is paid for by as many
/// spawns, so spawning stays O(1) amortised.
pub(crate) fn join_group(children: &SpinLock<Vec<Arc<TaskObj>>>, task: &Arc<TaskObj>) {
    let mut children = children.lock();
    if children.len() == children.capacity() {
        if children.capacity() == 0 {
            children.reserve(16);
        } else {
            children.retain(|t| !t.succeeded());
            if children.len() * 2 > children.capacity() {
                let room = children.capacity();
                children.reserve(room);
            }
        }
    }
    children.push(task.clone());
}

/// `Lock()`, `Semaphore(n)`, `Event()`, `Atomic(v)`, `Shared(v)`,
/// `TaskGroup()`, `Executor(n)` / `Executor::new(n)`.
pub fn construct(vm: &mut crate::interp::Vm, kind: &str, args: &[Value]) -> RtResult<Value> {
    Ok(match kind {
        "Lock" => arity(kind, args, 0).map(|_| Handle::Lock(Semaphore::new(1)).value())?,
        "Semaphore" => {
            arity(kind, args, 1)?;
            let n = int_arg(&args[0], "the number of permits")?;
            if !(0..=1 << 30).contains(&n) {
                return Err(Thrown::value_error("a Semaphore needs between 0 and 2^30 permits"));
            }
            Handle::Semaphore(Semaphore::new(n as usize)).value()
        }
        "Event" => arity(kind, args, 0).map(|_| Handle::Event(Event::new()).value())?,
        "Atomic" => {
            let v = args.first().cloned().unwrap_or(Value::Int(0));
            Handle::Atomic(AtomicI64::new(int_arg(&v, "an Atomic's value")?)).value()
        }
        "Shared" => Handle::Shared(Mutex::new(args.first().cloned().unwrap_or_default())).value(),
        "TaskGroup" => arity(kind, args, 0).map(|_| Handle::TaskGroup(SpinLock::new(Vec::new())).value())?,
        "Executor" => {
            arity(kind, args, 1)?;
            let n = int_arg(&args[0], "the number of workers")?;
            if !(1..=256).contains(&n) {
                return Err(Thrown::value_error("an Executor needs between 1 and 256 workers"));
            }
            let Some(parent) = vm.ctx.clone() else { return Err(Thrown::new("Error", "no runtime is running")) };
            let rt = runtime::Runtime::new(n as usize, false);
            let ctx = RtCtx::new(rt.shared.clone(), parent.globals.clone(), parent.trace, parent.sources.clone());
            Handle::Executor(Executor { ctx, runtime: Mutex::new(Some(rt)), tasks: Mutex::new(Vec::new()) }).value()
        }
        other => return Err(Thrown::type_error(format!("unknown handle type {other}"))),
    })
}

struct Acquire {
    handle: Arc<Handle>,
    op: AcquireOp,
    done: bool,
    result: Value,
}

impl Acquire {
    fn sem(&self) -> Option<&Semaphore> {
        match &*self.handle {
            Handle::Lock(s) | Handle::Semaphore(s) => Some(s),
            _ => None,
        }
    }
}

impl NativeFuture for Acquire {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let handle = self.handle.clone();
        let sem = match &*handle {
            Handle::Lock(s) | Handle::Semaphore(s) => s,
            _ => return FutPoll::Ready(Ok(Value::None)),
        };
        if sem.poll_acquire(&mut self.op, cx.waker()) {
            self.done = true;
            return FutPoll::Ready(Ok(self.result.clone()));
        }
        FutPoll::Pending
    }

    fn describe(&self) -> String {
        format!("{}.acquire()", self.handle.type_name())
    }
}

impl Drop for Acquire {
    fn drop(&mut self) {
        if !self.done {
            let mut op = std::mem::take(&mut self.op);
            if let Some(sem) = self.sem() {
                sem.cancel_acquire(&mut op);
            }
        }
    }
}

struct WaitEvent {
    handle: Arc<Handle>,
    op: WaitOp,
    waker: Option<runtime::Waker>,
}

impl NativeFuture for WaitEvent {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        match &*self.handle {
            Handle::Event(e) if !e.poll_wait(&mut self.op, cx.waker()) => {
                self.waker = Some(cx.waker().clone());
                FutPoll::Pending
            }
            _ => {
                self.waker = None;
                self.op = WaitOp::default();
                FutPoll::Ready(Ok(Value::None))
            }
        }
    }

    fn describe(&self) -> String {
        "event.wait()".into()
    }
}

/// Leaving `async with TaskGroup()`: wait for every child; the first failure
/// (or a failure of the block itself) cancels the rest.
impl Drop for WaitEvent {
    fn drop(&mut self) {
        if let (Handle::Event(e), Some(w)) = (&*self.handle, &self.waker) {
            e.cancel_wait(&mut self.op, w);
        }
    }
}

/// A TaskGroup's end is woken each time this many children have finished
/// (besides the last one and a failure), to let go of them and their
/// results: a group of a million children whose values are large does not
/// keep them all until the last one is done, for one wake-up per batch.
const GROUP_RELEASE_BATCH: u32 = 256;

struct GroupExit {
    group: Arc<Handle>,
    body_failed: bool,
    cancelled: bool,
    /// The children registered with so far, in the group's order, each
    /// let go of once settled (the group may grow while it is
    /// awaited: a child can spawn into it); each queues its index on
    /// `completions` when it finishes, so a poll looks only at what is new.
    children: Vec<Option<Arc<TaskObj>>>,
    completions: Arc<crate::task::Completions>,
    /// Children registered with `completions` (each queues once).
    registered: u32,
    finished: usize,
    first_failure: Option<Thrown>,
}

impl GroupExit {
    fn new(group: Arc<Handle>, body_failed: bool) -> GroupExit {
        GroupExit {
            group,
            body_failed,
            cancelled: false,
            children: Vec::new(),
            completions: Default::default(),
            registered: 0,
            finished: 0,
            first_failure: None,
        }
    }

    /// Children added to the group since the last look, moved out of it
    /// (no refcount traffic on handles another worker is finishing): from
    /// then on `children` holds them.
    fn new_children(&self) -> Vec<Arc<TaskObj>> {
        match &*self.group {
            Handle::TaskGroup(c) => std::mem::take(&mut *c.lock()),
            _ => Vec::new(),
        }
    }

    fn cancel_all(&mut self) {
        self.cancelled = true;
        for t in self.children.iter().flatten() {
            t.cancel();
        }
    }

    fn settle(&mut self, outcome: Result<(), Thrown>) {
        self.finished += 1;
        if let (Err(e), None) = (outcome, &self.first_failure) {
            if !(self.cancelled && matches!(e.kind(), Some("CancelledError"))) {
                self.first_failure = Some(e);
            }
        }
    }
}

impl NativeFuture for GroupExit {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let new = self.new_children();
        self.children.reserve(new.len());
        for t in new {
            let index = self.children.len() as u32;
            if self.cancelled || self.body_failed {
                t.cancel();
            }
            // A finished child is let go of at once, while its line is in
            // this cache (not in a second pass over every child).
            match t.outcome_or_notify(&self.completions, index) {
                Some(outcome) => {
                    self.settle(outcome);
                    self.children.push(None);
                }
                None => {
                    self.registered += 1;
                    self.children.push(Some(t));
                }
            }
        }
        // Woken when every child is done, or one failed (the rest are then
        // cancelled), or a batch has finished (let go of below); children
        // spawned into the group meanwhile are registered at that wake-up.
        self.completions
            .listen(cx.waker(), Wake::AllOf { n: self.registered, on_failure: true, batch: GROUP_RELEASE_BATCH });
        for d in self.completions.take() {
            // A success is settled from the queue; only a failure's error
            // is read from the child.
            match self.children.get_mut(d.index as usize).and_then(Option::take) {
                Some(_) if !d.failed => self.settle(Ok(())),
                Some(t) => {
                    if let Some(outcome) = t.outcome() {
                        self.settle(outcome);
                    }
                }
                None => {}
            }
        }
        if (self.body_failed || self.first_failure.is_some()) && !self.cancelled {
            self.cancel_all();
        }
        if self.finished < self.children.len() {
            return FutPoll::Pending;
        }
        match self.first_failure.take() {
            Some(e) if !self.body_failed => FutPoll::Ready(Err(e)),
            _ => FutPoll::Ready(Ok(Value::None)),
        }
    }

    fn describe(&self) -> String {
        "the end of a TaskGroup block".into()
    }
}

impl Drop for GroupExit {
    fn drop(&mut self) {
        // Cancelled while waiting: children must not outlive the block.
        // (`children` holds every unsettled child a poll saw.)
        for t in self.children.iter().flatten().chain(self.new_children().iter()) {
            if !t.is_done() {
                t.cancel();
            }
        }
    }
}
