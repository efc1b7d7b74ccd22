//! Tasks: a `TaskObj` is a fiber (`Vm`) scheduled by the runtime, with its
//! result, the wakers of its awaiters, its cancellation flags and the place
//! it waits at (for `DeadlockError` and `--trace`). `RtCtx` is what every
//! task of one program shares: the scheduler, the task registry and options.

pub use crate::coroutine::CoroutineObj;
use crate::error::{ErrorObj, Thrown};
use crate::interp::{Exit, FrameFn, Globals, Vm};
use crate::registry::{Registry, Ticket};
use crate::task_name::TaskName;
pub use crate::task_result::{Failure, TaskResult};
use crate::value::Value;
pub use crate::wait_site::{WaitOn, WaitSite};
pub use crate::waiters::{Completions, Done, Wake};
use crate::waiters::{Signal, Waiter};
use parking_lot::Mutex;
use runtime::{Poll, Schedulable, Shared, TaskHeader, TaskRef, Waker};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Weak};

/// Writes a `--trace` line to stderr, ignoring a closed stderr (`| head`).
macro_rules! trace_line {
    ($($t:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

mod rt_ctx;
pub use rt_ctx::{Closing, RtCtx};

/// The positional arguments of a call a task or coroutine will make: up to
/// three inline, so spawning `g(x, y, z)` allocates nothing for them.
pub type CallArgs = smallvec::SmallVec<[Value; 3]>;

/// A call's keyword arguments, by name.
pub type Keywords = Vec<(Arc<str>, Value)>;

/// Keyword arguments kept by a task that has not started (rare: boxed).
pub type BoxedKeywords = Box<[(Arc<str>, Value)]>;

/// The call a coroutine makes when it is awaited or spawned.
pub type PendingCall = (Value, CallArgs, Keywords);

/// The same with the function as a frame holds it: borrowed when it is a
/// frozen global's (see `FrameFn::Global`).
pub type FnCall = (FrameFn, CallArgs, Keywords);

/// A task's fiber and its registry entry, under one lock (the poller's).
struct FiberCell {
    slot: FiberSlot,
    /// Its entry in the live-task registry: taken when the task first
    /// suspends (or at spawn, for sessions that list every task).
    ticket: Option<Ticket>,
}

/// A task's fiber. A task that has not run yet holds only its call: the
/// fiber is built on its first poll, so a million spawned-but-waiting tasks
/// cost their call's values, not a million stacks.
enum FiberSlot {
    /// The call to make, with positional arguments. The function is
    /// borrowed when a frozen global holds it (`spawn(g(x))`, `join([g(x)
    /// …])`): spawning and starting the task then touch no shared reference
    /// count (see `FrameFn::Global` for why the borrow is valid).
    Start(FrameFn, CallArgs),
    /// A call with keyword arguments (or of something that is not a
    /// function: it fails as it starts). Rare: boxed, as every task's slot
    /// is as large as its largest variant.
    StartKw(Box<(Value, CallArgs, BoxedKeywords)>),
    /// Boxed so a task that has not started costs no `Vm`-sized slot.
    Ready(Box<Vm>),
    Empty,
}

impl FiberSlot {
    /// The fiber to run: built from the call on the first poll.
    fn into_fiber(self, ctx: &Arc<RtCtx>) -> Result<Box<Vm>, Thrown> {
        match self {
            FiberSlot::Start(func, args) => Vm::boxed_for_fn(ctx, func, args),
            FiberSlot::StartKw(call) => {
                let (f, args, kw) = *call;
                Vm::boxed_for_call(ctx, f, args, Vec::from(kw))
            }
            FiberSlot::Ready(vm) => Ok(vm),
            FiberSlot::Empty => Err(Thrown::new("Error", "the task has already finished")),
        }
    }
}

/// A new task's waiters: none, or the one it is born with.
fn first_waiters(waiter: Option<Waiter>) -> smallvec::SmallVec<[Waiter; 1]> {
    let mut waiters = smallvec::SmallVec::new();
    if let Some(w) = waiter {
        waiters.push(w);
    }
    waiters
}

#[derive(Default)]
struct TaskState {
    /// Usually one (an awaiter): inline, so awaiting a running task
    /// allocates nothing (the finishing worker would free it, across threads).
    waiters: smallvec::SmallVec<[Waiter; 1]>,
}

pub struct TaskObj {
    header: TaskHeader,
    pub id: u64,
    /// The name given at spawn, or its function's; unnamed tasks are
    /// `task-<id>` (see `name`).
    name: TaskName,
    fiber: Mutex<FiberCell>,
    /// The result, written once when the task finishes and never changed
    /// after: read without a lock (awaiting a finished task touches no
    /// lock) once `result_state` says `RESULT_SET` (see `result_ref`). A
    /// waiter looks again under the `state` lock before it registers, and
    /// `finish` sets the result before it takes the waiters under that
    /// lock, so a waiter either sees the result or is woken.
    result: UnsafeCell<Option<TaskResult>>,
    /// `RESULT_NONE`, `RESULT_WRITING` (by the one `finish` that claimed
    /// it), `RESULT_SET`.
    result_state: AtomicU8,
    state: Mutex<TaskState>,
    /// Someone awaited (or caught) the result: no "never awaited" report.
    /// Set by a swap, so one observer takes the failure off the report.
    observed: AtomicBool,
    /// A `cancel()` not yet delivered as `CancelledError`.
    cancel_pending: AtomicBool,
    /// The task was cancelled (delivered or not).
    pub cancelled: AtomicBool,
    /// Set by `interrupt` (the REPL's Ctrl-C): a pending cancellation is also
    /// delivered between time slices, so a loop that never awaits stops too.
    interrupt_anywhere: AtomicBool,
    /// `RtCtx::deadlock` holds a message for this task (main) (checked
    /// without a lock at every suspension).
    deadlock_pending: AtomicBool,
    pub ctx: Arc<RtCtx>,
    /// The program's main task: when it finishes, the others are cancelled.
    pub is_main: bool,
}

const RESULT_NONE: u8 = 0;
const RESULT_WRITING: u8 = 1;
const RESULT_SET: u8 = 2;

// SAFETY: every field but `result` is `Sync`. `result` is written by one
// thread only, the `finish` that moved `result_state` from `RESULT_NONE`
// to `RESULT_WRITING`, before it stores `RESULT_SET` (Release); it is read
// only through `result_ref`, after an Acquire load saw `RESULT_SET`, and
// never written again. `TaskResult` is `Send + Sync`.
unsafe impl Sync for TaskObj {}
const _: () = {
    const fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<TaskResult>();
};

impl std::fmt::Debug for TaskObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Task({})", self.name())
    }
}

impl TaskObj {
    /// The task's name: the one given at spawn, else `task-<id>` (formatted on
    /// demand, so an unnamed task carries no string).
    pub fn name(&self) -> std::borrow::Cow<'_, str> {
        match self.name.get() {
            Some(n) => std::borrow::Cow::Borrowed(n),
            None => std::borrow::Cow::Owned(format!("task-{}", self.id)),
        }
    }

    pub fn waker(self: &Arc<Self>) -> Waker {
        Waker::new(self.clone() as TaskRef)
    }

    /// The result, if the task has finished (no lock).
    fn result_ref(&self) -> Option<&TaskResult> {
        if self.result_state.load(Ordering::Acquire) != RESULT_SET {
            return None;
        }
        // SAFETY: `RESULT_SET` was stored (Release) after the one write of
        // `result`, which is never written again (see `unsafe impl Sync`).
        unsafe { (*self.result.get()).as_ref() }
    }

    /// Writes the result, once; false (writing nothing) if it was set.
    fn set_result(&self, result: TaskResult) -> bool {
        let claimed =
            self.result_state.compare_exchange(RESULT_NONE, RESULT_WRITING, Ordering::Acquire, Ordering::Relaxed);
        if claimed.is_err() {
            return false;
        }
        // SAFETY: this call claimed the write; no reader looks at `result`
        // before `RESULT_SET` is stored below.
        unsafe { *self.result.get() = Some(result) };
        self.result_state.store(RESULT_SET, Ordering::Release);
        true
    }

    pub fn is_done(&self) -> bool {
        self.result_ref().is_some()
    }

    /// Finished with a value (not marked as seen: a success is never
    /// reported anyway).
    pub fn succeeded(&self) -> bool {
        matches!(self.result_ref(), Some(TaskResult::Value(_)))
    }

    /// The result if finished; otherwise registers `waker` to be woken when it is.
    pub fn result_or_register(&self, waker: &Waker) -> Option<TaskResult> {
        if let Some(r) = self.observe() {
            return Some(r);
        }
        let mut st = self.state.lock();
        match self.observe() {
            Some(r) => Some(r),
            None => {
                if !st.waiters.iter().any(|w| matches!(w, Waiter::Wake(w) if w.same_task(waker))) {
                    st.waiters.push(Waiter::Wake(waker.clone()));
                }
                None
            }
        }
    }

    /// The value of a task that finished with one (None when it has not
    /// finished or failed: `await` then takes its general way).
    pub fn value_if_done(&self) -> Option<Value> {
        match self.result_ref() {
            Some(TaskResult::Value(v)) => Some(v.clone()),
            _ => None,
        }
    }

    /// What `await` of this task gives, if it finished (its value, or its
    /// error, marked as seen); otherwise the waker `waker` makes is
    /// registered and None is returned. The waker is made only when it is
    /// needed, and the value is cloned once (`result_or_register` clones
    /// the whole result, which `deliver` then clones again).
    pub fn value_or_register(&self, waker: impl FnOnce() -> Waker) -> Option<Result<Value, Thrown>> {
        if let Some(r) = self.delivered() {
            return Some(r);
        }
        let mut st = self.state.lock();
        match self.delivered() {
            Some(r) => Some(r),
            None => {
                let waker = waker();
                if !st.waiters.iter().any(|w| matches!(w, Waiter::Wake(w) if w.same_task(&waker))) {
                    st.waiters.push(Waiter::Wake(waker));
                }
                None
            }
        }
    }

    /// The result if finished; otherwise `index` is queued on `to` when the
    /// task finishes. Call it once per child: nothing deduplicates it.
    pub fn result_or_notify(&self, to: &Arc<Completions>, index: u32) -> Option<TaskResult> {
        if let Some(r) = self.observe() {
            return Some(r);
        }
        let mut st = self.state.lock();
        let r = self.observe();
        if r.is_none() {
            st.waiters.push(Waiter::Notify(to.clone(), index));
        }
        r
    }

    /// Whether it failed (and with what) if finished; otherwise `index` is
    /// queued on `to` when it finishes. As `result_or_notify`, for a waiter
    /// that needs only the outcome (a TaskGroup's end): no value is copied.
    pub fn outcome_or_notify(&self, to: &Arc<Completions>, index: u32) -> Option<Result<(), Thrown>> {
        if let Some(r) = self.outcome() {
            return Some(r);
        }
        let mut st = self.state.lock();
        let r = self.outcome();
        if r.is_none() {
            st.waiters.push(Waiter::Notify(to.clone(), index));
        }
        r
    }

    /// Whether it failed (and with what), if finished, marked as seen.
    pub fn outcome(&self) -> Option<Result<(), Thrown>> {
        let outcome = match self.result_ref()? {
            TaskResult::Value(_) => Ok(()),
            TaskResult::Failed(f) => Err(f.thrown.clone()),
        };
        self.mark_observed(outcome.is_err());
        Some(outcome)
    }

    /// The result if finished, marked as seen (no "never awaited" report).
    pub fn result(&self) -> Option<TaskResult> {
        self.observe()
    }

    /// The result, marked as seen (no "never awaited" report), if finished.
    fn observe(&self) -> Option<TaskResult> {
        let r = self.result_ref()?.clone();
        self.mark_observed(matches!(r, TaskResult::Failed(_)));
        Some(r)
    }

    /// What `await` gives if finished: the value, or the error (marked as seen).
    fn delivered(&self) -> Option<Result<Value, Thrown>> {
        match self.result_ref()? {
            TaskResult::Value(v) => Some(Ok(v.clone())),
            TaskResult::Failed(f) => {
                let e = f.thrown.clone();
                self.mark_observed(true);
                Some(Err(e))
            }
        }
    }

    /// Someone saw the result: a failure leaves the exit report. (Only a
    /// failure is reported, so a success writes nothing.)
    fn mark_observed(&self, failed: bool) {
        if failed && !self.observed.swap(true, Ordering::Relaxed) {
            let me = self as *const TaskObj;
            self.ctx.failures.lock().retain(|(_, _, t)| t.as_ptr() != me);
        }
    }

    /// Blocks the calling OS thread until the task finishes (only the
    /// program's main thread does this, never a worker).
    pub fn wait_blocking(&self) -> TaskResult {
        loop {
            if let Some(r) = self.block_until_done(None) {
                let _st = self.state.lock();
                self.observed.store(true, Ordering::Relaxed);
                return r;
            }
        }
    }

    /// Like `wait_blocking` with a time limit; `None` on timeout.
    pub fn wait_blocking_for(&self, d: std::time::Duration) -> Option<TaskResult> {
        self.block_until_done(Some(std::time::Instant::now() + d))
    }

    /// The result, once the task has finished or `deadline` passed.
    fn block_until_done(&self, deadline: Option<std::time::Instant>) -> Option<TaskResult> {
        let signal = {
            let mut st = self.state.lock();
            if let Some(r) = self.result_ref() {
                return Some(r.clone());
            }
            let signal = Arc::new(Signal::default());
            st.waiters.push(Waiter::Signal(signal.clone()));
            signal
        };
        signal.wait(deadline);
        self.result_ref().cloned()
    }

    /// Requests cancellation: `CancelledError` at the next suspension point.
    pub fn cancel(self: &Arc<Self>) {
        if self.is_done() {
            return;
        }
        self.cancelled.store(true, Ordering::Release);
        self.cancel_pending.store(true, Ordering::Release);
        self.waker().wake();
    }

    /// Cancels the task even if it never awaits again: `CancelledError` is
    /// raised at its next suspension point or at the start of its next time
    /// slice, whichever comes first (the REPL's Ctrl-C, a test's timeout).
    pub fn interrupt(self: &Arc<Self>) {
        self.interrupt_anywhere.store(true, Ordering::Release);
        self.cancel();
    }

    /// The interruption to raise between time slices (only after `interrupt`).
    pub(crate) fn take_slice_interrupt(&self) -> Option<Thrown> {
        if self.interrupt_anywhere.load(Ordering::Acquire) {
            self.take_interrupt()
        } else {
            None
        }
    }

    pub fn deliver_deadlock(self: &Arc<Self>, message: String) {
        *self.ctx.deadlock.lock() = Some((self.id, message));
        self.deadlock_pending.store(true, Ordering::Release);
        self.waker().wake();
    }

    pub fn set_on_finish(&self, rt: Option<Arc<Shared>>) {
        let mut st = self.state.lock();
        if self.result_ref().is_none() {
            st.waiters.extend(rt.map(Waiter::Release));
        } else if let Some(rt) = rt {
            // Already finished: nothing to wait for.
            rt.external.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// Records the task's end (once: only its last poll calls this) and
    /// wakes its awaiters. `ticket`: its registry entry, if it has one.
    fn finish(self: &Arc<Self>, result: TaskResult, ticket: Option<Ticket>) {
        if self.is_main {
            // The program ends with main: cancel the rest now, from the
            // worker, so they are runnable before any clock can move on.
            self.ctx.close(Closing::Cancel, Some(self));
        }
        if let Some(ticket) = ticket {
            self.ctx.tasks.remove(ticket);
        }
        // Main's failure is the program's error, reported by the driver.
        if let TaskResult::Failed(f) = &result {
            if f.thrown.kind() != Some("CancelledError") && !self.is_main {
                let entry = (self.name().into_owned(), f.thrown.headline(), Arc::downgrade(self));
                self.ctx.failures.lock().push(entry);
            }
        }
        let failed = matches!(result, TaskResult::Failed(_));
        // Set before the waiters are taken (see `result`). Only the last
        // poll finishes a task; a second `finish` would change nothing.
        if !self.set_result(result) {
            return;
        }
        let waiters = std::mem::take(&mut self.state.lock().waiters);
        let mut release = Vec::new();
        for w in waiters {
            match w {
                Waiter::Wake(w) => w.wake(),
                Waiter::Notify(to, index) => to.push(index, failed),
                Waiter::Signal(s) => s.set(),
                Waiter::Release(rt) => release.push(rt),
            }
        }
        // Only after the awaiters are queued may a waiting runtime look idle.
        for rt in release {
            rt.external.fetch_sub(1, Ordering::AcqRel);
            rt.poke();
        }
    }

    /// Is a cancellation or DeadlockError waiting to be raised?
    pub(crate) fn interrupt_pending(&self) -> bool {
        self.cancel_pending.load(Ordering::Acquire) || self.deadlock_pending.load(Ordering::Acquire)
    }

    /// Where the task is suspended, read from its parked fiber: the `await`
    /// it will run again and what that awaits. None while it runs, while it
    /// is queued after a preemption, and before it starts. (Nothing is
    /// recorded at each suspension: only the rare readers pay.)
    pub fn wait_site(&self) -> Option<WaitSite> {
        // Locked: the fiber is running (see `poll`).
        match &self.fiber.try_lock()?.slot {
            FiberSlot::Ready(vm) => vm.wait_site(),
            FiberSlot::Start(..) | FiberSlot::StartKw(..) | FiberSlot::Empty => None,
        }
    }

    /// The pending interruption to raise at the current suspension point.
    pub(crate) fn take_interrupt(&self) -> Option<Thrown> {
        if self.deadlock_pending.load(Ordering::Acquire) {
            let mut slot = self.ctx.deadlock.lock();
            if slot.as_ref().is_some_and(|(id, _)| *id == self.id) {
                let msg = slot.take().map(|(_, m)| m).unwrap_or_default();
                self.deadlock_pending.store(false, Ordering::Release);
                return Some(Thrown::new("DeadlockError", msg));
            }
        }
        if self.cancel_pending.swap(false, Ordering::AcqRel) {
            return Some(Thrown::Error(ErrorObj::value(
                "CancelledError",
                format!("task `{}` was cancelled", self.name()),
            )));
        }
        None
    }
}

impl TaskObj {
    /// Enters the task in the live-task registry when it first suspends
    /// (its poller holds `cell`). If the program started closing before,
    /// the scan that cancelled the registered tasks may have missed this
    /// one: it cancels itself. (The closer sets the mode before it scans
    /// the shards and the registry entry is made under a shard's lock, so
    /// either the scan sees the entry or this sees the mode.)
    fn register(self: &Arc<Self>, cell: &mut FiberCell) {
        if cell.ticket.is_some() {
            return;
        }
        cell.ticket = Some(self.ctx.tasks.insert(self.id, Arc::downgrade(self)));
        match self.ctx.closing() {
            Closing::No => {}
            Closing::Cancel => self.cancel(),
            Closing::Interrupt => self.interrupt(),
        }
    }
}

impl Schedulable for TaskObj {
    fn header(&self) -> &TaskHeader {
        &self.header
    }

    fn runtime(&self) -> Option<&Arc<Shared>> {
        Some(&self.ctx.rt)
    }

    fn poll(self: Arc<Self>) -> Poll {
        // The slot stays locked while the fiber runs (one lock per poll, not
        // two): only the worker that set RUNNING polls, and `wait_site`
        // only tries the lock, reading a locked slot as "running".
        let mut cell = self.fiber.lock();
        let mut vm = match std::mem::replace(&mut cell.slot, FiberSlot::Empty) {
            FiberSlot::Ready(vm) => vm,
            FiberSlot::Empty => return Poll::Done,
            start @ (FiberSlot::Start(..) | FiberSlot::StartKw(..)) => {
                // Cancelled before it ever ran (also by the end of the
                // program while it was queued): the body never starts.
                if self.ctx.closing() != Closing::No {
                    self.cancelled.store(true, Ordering::Release);
                    self.cancel_pending.store(true, Ordering::Release);
                }
                let started = match self.take_interrupt() {
                    Some(thrown) => Err(thrown),
                    None => start.into_fiber(&self.ctx),
                };
                match started {
                    Ok(vm) => vm,
                    Err(thrown) => {
                        let ticket = cell.ticket.take();
                        drop(cell);
                        self.finish(TaskResult::failed(thrown, Vec::new()), ticket);
                        return Poll::Done;
                    }
                }
            }
        };
        let trace = self.ctx.trace;
        if trace {
            trace_line!("[trace] resume {}", self.name());
        }
        vm.task = Some(self.clone());
        let exit = vm.resume();
        vm.task = None;
        let this = &self;
        match exit {
            Exit::Done(result) => {
                crate::interp::pool::give_back(vm);
                let ticket = cell.ticket.take();
                drop(cell);
                if trace {
                    let how = match &result {
                        TaskResult::Value(_) => "ok".to_string(),
                        TaskResult::Failed(f) => f.thrown.headline(),
                    };
                    trace_line!("[trace] finish {} ({how})", this.name());
                }
                this.finish(result, ticket);
                Poll::Done
            }
            Exit::Pending => {
                if trace {
                    let at = vm.wait_site().map(|w| w.describe(&this.ctx)).unwrap_or_default();
                    trace_line!("[trace] suspend {} at {at}", this.name());
                }
                cell.slot = FiberSlot::Ready(vm);
                this.register(&mut cell);
                Poll::Pending
            }
            Exit::Yield => {
                if trace {
                    trace_line!("[trace] preempt {}", this.name());
                }
                cell.slot = FiberSlot::Ready(vm);
                this.register(&mut cell);
                Poll::Yield
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every task handle a program keeps alive (W1 keeps 200 000) holds a
    /// whole `TaskObj`: keep it small. 184 bytes, so with the `Arc`'s
    /// counts it takes a 208-byte malloc chunk (it was 264, then 216 with a
    /// call's first three arguments inline; the general start call is boxed
    /// now, the registry ticket sits with the fiber, and the Executor
    /// release and blocking waits are waiters).
    #[test]
    fn task_object_stays_small() {
        assert!(
            std::mem::size_of::<super::TaskObj>() <= 184,
            "TaskObj is {} bytes",
            std::mem::size_of::<super::TaskObj>()
        );
        assert_eq!(std::mem::size_of::<Option<super::TaskResult>>(), 16);
    }
}
