//! The work-stealing scheduler. Each worker thread owns a crossbeam `Worker`
//! deque (FIFO with one worker, the deterministic order; LIFO with several,
//! so spawn trees run depth first) and, with more than one worker, a "next"
//! slot for the task it just woke (so a ping-pong pair stays on one core).
//! A worker takes from its next slot, its deque, the global `Injector`, then
//! steals the oldest tasks of the others. Idle workers spin briefly while
//! tasks run elsewhere, fire due timers, advance the virtual clock, run the
//! idle hook (deadlock detection) when nothing at all can run, and park.
//!
//! Parking protocol (no lost wake-ups): a parking worker increments
//! `sleepers` under `park_lock`, re-checks for work, then waits on the
//! condvar; a pusher makes the task visible, issues a SeqCst fence, and
//! notifies under `park_lock` if `sleepers > 0`. Either the parker's re-check
//! sees the task or the pusher sees the sleeper.

use crate::task::{Poll, TaskRef};
use crate::timer::{Clock, Timers};
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use parking_lot::{Condvar, Mutex};
use std::cell::RefCell;
use std::sync::atomic::{fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Called when no task is runnable, no timer is armed and no I/O or
/// blocking job is pending. Returns true if it woke a task.
pub type IdleHook = Box<dyn Fn() -> bool + Send + Sync>;

#[derive(Debug, Default)]
pub struct Stats {
    /// Spawns from outside the workers; each worker counts its own in
    /// `spawned_by`.
    spawned_outside: AtomicU64,
    spawned_by: Box<[WorkerCounter]>,
    /// One counter per worker, each on its own cache line and written only
    /// by its worker (a shared counter would be a contended atomic per poll).
    polls: Box<[WorkerCounter]>,
    pub steals: AtomicU64,
    pub parks: AtomicU64,
}

#[derive(Debug, Default)]
#[repr(align(128))]
struct WorkerCounter(AtomicU64);

/// A value alone on its cache line (two lines: adjacent-line prefetch).
#[derive(Debug, Default)]
#[repr(align(128))]
struct Padded<T>(T);

impl<T> std::ops::Deref for Padded<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Stats {
    fn new(workers: usize) -> Stats {
        let counters = || (0..workers).map(|_| WorkerCounter::default()).collect();
        Stats { polls: counters(), spawned_by: counters(), ..Stats::default() }
    }

    /// Tasks spawned so far.
    pub fn spawned(&self) -> u64 {
        self.spawned_outside.load(Ordering::Relaxed)
            + self.spawned_by.iter().map(|c| c.0.load(Ordering::Relaxed)).sum::<u64>()
    }

    fn count_spawn(&self) {
        match self.spawned_by.get(WORKER_INDEX.with(|w| w.get())) {
            // Only this worker writes its counter.
            Some(c) => c.0.store(c.0.load(Ordering::Relaxed) + 1, Ordering::Relaxed),
            None => {
                self.spawned_outside.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Task polls so far, on all workers.
    pub fn polls(&self) -> u64 {
        self.polls.iter().map(|c| c.0.load(Ordering::Relaxed)).sum()
    }

    fn count_poll(&self, worker: usize) {
        if let Some(c) = self.polls.get(worker) {
            // Only this worker writes its counter: no read-modify-write needed.
            c.0.store(c.0.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
        }
    }
}

pub struct Shared {
    pub(crate) injector: Injector<TaskRef>,
    stealers: Vec<Stealer<TaskRef>>,
    park_lock: Mutex<()>,
    park_cv: Condvar,
    sleepers: AtomicUsize,
    /// Tasks queued or running. Zero means nothing can run until a waker fires.
    /// On its own cache line: every spawn and wake-up writes it, and the
    /// flags next to it (`shutdown`, `sleepers`) are read by every worker.
    /// Workers give back the counts of the polls they finished in batches
    /// (see `settle_later`), so it is never below the true count.
    runnable: Padded<AtomicUsize>,
    /// Socket operations and blocking-pool jobs in flight (they wake tasks
    /// from outside the workers, so the runtime is not stuck while any exist).
    pub external: AtomicUsize,
    shutdown: AtomicBool,
    pub workers: usize,
    pub clock: Clock,
    pub timers: Timers,
    pub stats: Stats,
    idle_hook: Mutex<Option<IdleHook>>,
    /// Serialises the "everything is idle" decisions between workers.
    idle_lock: Mutex<()>,
}

struct Local {
    rt: Arc<Shared>,
    deque: Worker<TaskRef>,
    next: Option<TaskRef>,
    /// Tasks taken from the next slot in a row (bounded, for fairness).
    next_streak: u32,
    /// Tasks found since the global queue was last looked at first.
    ticks: u32,
}

/// At most this many tasks in a row from the next slot (as Tokio's LIFO slot).
const MAX_NEXT_STREAK: u32 = 3;
/// Every this many tasks the global queue is checked before the local one,
/// so tasks woken or spawned from outside (or preempted) are never starved.
const GLOBAL_QUEUE_INTERVAL: u32 = 31;

thread_local! {
    static LOCAL: RefCell<Option<Local>> = const { RefCell::new(None) };
    /// This worker's index (usize::MAX off the workers): a runtime's
    /// workers are threads of their own.
    static WORKER_INDEX: std::cell::Cell<usize> = const { std::cell::Cell::new(usize::MAX) };
}

impl Shared {
    /// Queues a task that just became SCHEDULED.
    pub(crate) fn schedule(self: &Arc<Self>, task: TaskRef, woken: bool) {
        self.runnable.fetch_add(1, Ordering::AcqRel);
        self.push(task, woken);
    }

    fn push(self: &Arc<Self>, task: TaskRef, woken: bool) {
        // (task for the injector, whether something stealable was added)
        let (leftover, stealable) = LOCAL.with(|l| {
            let mut l = l.borrow_mut();
            match l.as_mut() {
                Some(local) if Arc::ptr_eq(&local.rt, self) => {
                    if woken && self.workers > 1 {
                        // The next slot runs on this worker as soon as the
                        // current task yields: no other worker needs waking,
                        // unless a task was displaced onto the deque.
                        match local.next.replace(task) {
                            Some(prev) => {
                                local.deque.push(prev);
                                (None, true)
                            }
                            None => (None, false),
                        }
                    } else {
                        local.deque.push(task);
                        (None, true)
                    }
                }
                _ => (Some(task), true),
            }
        });
        if let Some(task) = leftover {
            self.injector.push(task);
        }
        if stealable {
            fence(Ordering::SeqCst);
            self.notify_one();
        }
    }

    fn notify_one(&self) {
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            let _g = self.park_lock.lock();
            self.park_cv.notify_one();
        }
    }

    fn notify_all(&self) {
        let _g = self.park_lock.lock();
        self.park_cv.notify_all();
    }

    fn has_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    /// Queues a new task (it must not have been scheduled before).
    pub fn spawn(self: &Arc<Self>, task: TaskRef) {
        if !task.header().mark_spawned() {
            return;
        }
        self.stats.count_spawn();
        self.schedule(task, false);
    }

    pub fn set_idle_hook(&self, hook: IdleHook) {
        *self.idle_hook.lock() = Some(hook);
    }

    pub fn runnable(&self) -> usize {
        self.runnable.load(Ordering::Acquire)
    }

    /// Wakes parked workers so they notice new state (shutdown, pending I/O done).
    pub fn poke(&self) {
        self.notify_all();
    }

    pub fn is_shutdown(&self) -> bool {
        self.shutdown.load(Ordering::Acquire)
    }
}

/// A running scheduler: the shared state plus its worker threads.
pub struct Runtime {
    pub shared: Arc<Shared>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Runtime {
    pub fn new(workers: usize, virtual_time: bool) -> Runtime {
        let workers = workers.max(1);
        // One worker: FIFO, the deterministic order LANGUAGE.md promises.
        // Several: LIFO, so a task spawned runs soon after its spawner
        // suspends (depth first: a spawn tree keeps few tasks alive and its
        // data in cache); thieves and the periodic fairness check take the
        // oldest end.
        let deques: Vec<Worker<TaskRef>> =
            (0..workers).map(|_| if workers > 1 { Worker::new_lifo() } else { Worker::new_fifo() }).collect();
        let stealers = deques.iter().map(|d| d.stealer()).collect();
        let shared = Arc::new(Shared {
            injector: Injector::new(),
            stealers,
            park_lock: Mutex::new(()),
            park_cv: Condvar::new(),
            sleepers: AtomicUsize::new(0),
            runnable: Padded(AtomicUsize::new(0)),
            external: AtomicUsize::new(0),
            shutdown: AtomicBool::new(false),
            workers,
            clock: Clock::new(virtual_time),
            timers: Timers::default(),
            stats: Stats::new(workers),
            idle_hook: Mutex::new(None),
            idle_lock: Mutex::new(()),
        });
        let mut threads = Vec::with_capacity(workers);
        for (i, deque) in deques.into_iter().enumerate() {
            let rt = shared.clone();
            let handle = std::thread::Builder::new()
                .name(format!("mojolite-worker-{i}"))
                .stack_size(16 << 20)
                .spawn(move || worker_main(rt, deque, i));
            match handle {
                Ok(h) => threads.push(h),
                Err(e) => {
                    use std::io::Write;
                    let _ = writeln!(std::io::stderr(), "mojolite: cannot start worker thread {i}: {e}");
                }
            }
        }
        Runtime { shared, threads }
    }

    /// Stops the workers (after their current poll) and joins them.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.shared.shutdown.store(true, Ordering::Release);
        self.shared.notify_all();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Called by each worker thread as it stops (see `on_worker_exit`).
static WORKER_EXIT: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets the function every worker thread calls as it stops, while the
/// thread is still whole (its thread-locals alive): the VM pool frees what
/// it keeps there. Set once per process; later calls are ignored.
pub fn on_worker_exit(f: fn()) {
    let _ = WORKER_EXIT.set(f);
}

/// Is this thread a worker of some runtime (it will call the
/// `on_worker_exit` function before it stops)?
pub fn on_worker_thread() -> bool {
    WORKER_INDEX.with(|w| w.get() != usize::MAX)
}

fn worker_main(rt: Arc<Shared>, deque: Worker<TaskRef>, index: usize) {
    WORKER_INDEX.with(|w| w.set(index));
    LOCAL.with(|l| *l.borrow_mut() = Some(Local { rt: rt.clone(), deque, next: None, next_streak: 0, ticks: 0 }));
    let mut tick: u64 = 0;
    while !rt.shutdown.load(Ordering::Acquire) {
        if let Some(task) = find_task(&rt, index) {
            SHORT_SINCE.with(|c| c.set(None));
            let mut next = Some(task);
            while let Some(task) = next.take() {
                next = run_task(&rt, task, index);
                tick += 1;
                if tick % 61 == 0 && !rt.clock.is_virtual() {
                    rt.timers.fire_due(rt.clock.now_ns());
                }
            }
            continue;
        }
        settle(&rt);
        if spin_for_work(&rt) {
            continue;
        }
        idle(&rt);
    }
    if let Some(exit) = WORKER_EXIT.get() {
        exit();
    }
    // Drop queued tasks owned by this thread (their fibers are freed).
    LOCAL.with(|l| *l.borrow_mut() = None);
    WORKER_INDEX.with(|w| w.set(usize::MAX));
}

fn find_task(rt: &Shared, index: usize) -> Option<TaskRef> {
    let own = LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        let local = l.as_mut()?;
        local.ticks = local.ticks.wrapping_add(1);
        if local.ticks % GLOBAL_QUEUE_INTERVAL == 0 {
            // Fairness: now and then the global queue goes first.
            if let Steal::Success(t) = rt.injector.steal_batch_and_pop(&local.deque) {
                if let Some(prev) = local.next.take() {
                    local.deque.push(prev);
                }
                local.next_streak = 0;
                return Some(t);
            }
            // Fairness for a LIFO deque: now and then its oldest task goes
            // first, so a steady stream of new tasks cannot starve it.
            if let Some(Steal::Success(t)) = rt.stealers.get(index).filter(|_| rt.workers > 1).map(|s| s.steal()) {
                return Some(t);
            }
        }
        if local.next.is_some() && local.next_streak < MAX_NEXT_STREAK {
            local.next_streak += 1;
            return local.next.take();
        }
        // The next slot had its turn: it joins the back of the queue.
        if let Some(prev) = local.next.take() {
            local.deque.push(prev);
        }
        local.next_streak = 0;
        local.deque.pop()
    });
    if own.is_some() {
        return own;
    }
    loop {
        let stolen = LOCAL.with(|l| {
            let l = l.borrow();
            let local = l.as_ref()?;
            Some(rt.injector.steal_batch_and_pop(&local.deque))
        })?;
        match stolen {
            Steal::Success(t) => return Some(t),
            Steal::Retry => continue,
            Steal::Empty => break,
        }
    }
    let n = rt.stealers.len();
    for k in 1..n {
        let victim = &rt.stealers[(index + k) % n];
        let len = victim.len();
        if len == 0 || (len < STEAL_MIN && !waited_for_batch()) {
            continue;
        }
        loop {
            let stolen = LOCAL.with(|l| {
                let l = l.borrow();
                let local = l.as_ref()?;
                Some(victim.steal_batch_and_pop(&local.deque))
            })?;
            match stolen {
                Steal::Success(t) => {
                    SHORT_SINCE.with(|c| c.set(None));
                    rt.stats.steals.fetch_add(1, Ordering::Relaxed);
                    return Some(t);
                }
                Steal::Retry => continue,
                Steal::Empty => break,
            }
        }
    }
    None
}

/// A victim's queue shorter than this is left to grow for up to
/// `STEAL_PATIENCE` before it is stolen from. A steal moves half the queue
/// (`steal_batch_and_pop`), and each one costs a contended write on the
/// victim's deque and a cross-core transfer of what it touches: a thief
/// that takes every task as soon as it is queued (a spawn loop feeding an
/// idle worker) steals one or two at a time, and both workers slow each
/// other down (W1: 100k-150k steals for 200k tasks, 1.5x the time of a run
/// with 20k). A short queue is also what a worker about to run its own
/// tasks has (a woken task, a handful of children): left alone, they stay
/// where their data is.
const STEAL_MIN: usize = 16;
/// How long a short queue may wait for an idle worker: half the spin
/// before parking (`SPIN_TIME`), so nothing ready waits longer for lack of
/// a batch.
const STEAL_PATIENCE: Duration = Duration::from_micros(10);

thread_local! {
    /// When this worker, looking for work, first passed over a short queue
    /// (cleared when it finds a task).
    static SHORT_SINCE: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
}

/// Whether this worker has passed over short queues for `STEAL_PATIENCE`
/// (starting the wait on the first call).
fn waited_for_batch() -> bool {
    let now = std::time::Instant::now();
    SHORT_SINCE.with(|c| match c.get() {
        None => {
            c.set(Some(now));
            false
        }
        Some(since) => now.duration_since(since) >= STEAL_PATIENCE,
    })
}

thread_local! {
    /// Polls finished on this worker (done, or parked until a wake-up)
    /// whose count `runnable` still holds.
    static UNSETTLED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A poll on this worker ended without the task staying queued: its unit
/// of `runnable` is given back later, by `settle`. One shared decrement per
/// task would bounce `runnable`'s cache line between the spawning worker
/// and the running one; the count only has to be exact once every worker
/// has run out of tasks, and each settles before it looks idle.
fn settle_later() {
    UNSETTLED.with(|n| n.set(n.get() + 1));
}

/// Gives back the units of `settle_later` (before this worker spins,
/// parks or decides that nothing can run).
fn settle(rt: &Shared) {
    let n = UNSETTLED.with(|n| n.replace(0));
    if n > 0 {
        rt.runnable.fetch_sub(n, Ordering::AcqRel);
    }
}

/// Polls `task` once. Returns the task when it used up its budget and
/// nothing else is waiting anywhere: it simply runs on.
fn run_task(rt: &Arc<Shared>, task: TaskRef, worker: usize) -> Option<TaskRef> {
    if !task.header().transition_to_running() {
        settle_later();
        return None;
    }
    rt.stats.count_poll(worker);
    match task.clone().poll() {
        Poll::Done => {
            task.header().transition_to_done();
            settle_later();
        }
        Poll::Pending => {
            if task.header().transition_to_idle() {
                // Woken while running: straight back on the queue.
                rt.push(task, false);
            } else {
                settle_later();
            }
        }
        Poll::Yield => {
            task.header().transition_to_rescheduled();
            // To the global queue, so another worker may pick it up and the
            // local ready tasks run first; but with nothing else queued (a
            // long computation alone) it runs on, without a queue round trip
            // and a wake-up of an idle worker per time slice.
            if rt.workers == 1 {
                rt.push(task, false);
            } else if !rt.has_work() && LOCAL.with(|l| l.borrow().as_ref().is_none_or(|l| l.next.is_none())) {
                return Some(task);
            } else {
                rt.injector.push(task);
                fence(Ordering::SeqCst);
                rt.notify_one();
            }
        }
    }
    None
}

/// How long an idle worker spins before it parks while other tasks run.
const SPIN_TIME: Duration = Duration::from_micros(20);

/// No task found, but tasks are running on other workers: they may spawn or
/// wake work within microseconds (a spawn loop, a ping-pong pair), and a
/// park plus a futex wake-up per task costs far more than that. So look
/// again for a short, bounded while before parking, with `pause` between
/// looks (no `sched_yield`: the spinner may share a physical core with the
/// busy worker). True if work appeared.
fn spin_for_work(rt: &Shared) -> bool {
    if rt.workers < 2 {
        return false;
    }
    let start = std::time::Instant::now();
    while start.elapsed() < SPIN_TIME {
        if rt.runnable() == 0 || rt.shutdown.load(Ordering::Acquire) {
            return false;
        }
        if rt.has_work() {
            return true;
        }
        for _ in 0..32 {
            std::hint::spin_loop();
        }
    }
    false
}

/// No task found: fire timers, jump virtual time, detect deadlock, or park.
fn idle(rt: &Arc<Shared>) {
    let now = rt.clock.now_ns();
    if !rt.clock.is_virtual() && rt.timers.fire_due(now) > 0 {
        return;
    }
    let mut timeout = None;
    {
        let _g = rt.idle_lock.lock();
        // Read the timer and external-work counts before the runnable count.
        // A timer that fires (or an external job that ends) wakes its task
        // (runnable + 1) before it leaves its count, so a zero count read
        // first guarantees that the woken task is seen below. Read the other
        // way round, a timer firing on another worker between the two reads
        // looked like "nothing runnable, no timers": a false DeadlockError.
        let live_timers = rt.timers.live();
        let external = rt.external.load(Ordering::Acquire);
        if rt.runnable() == 0 && !rt.has_work() {
            if rt.clock.is_virtual() && external == 0 {
                if let Some(d) = rt.timers.next_deadline() {
                    rt.clock.advance_to(d);
                    rt.timers.fire_due(d);
                    return;
                }
            }
            if live_timers == 0 && external == 0 {
                let hook = rt.idle_hook.lock();
                if let Some(h) = hook.as_ref() {
                    if h() {
                        return;
                    }
                }
            }
        }
        if !rt.clock.is_virtual() {
            if let Some(d) = rt.timers.next_deadline() {
                timeout = Some(Duration::from_nanos(d.saturating_sub(now)));
            }
        } else if rt.external.load(Ordering::Acquire) > 0 {
            // Virtual time with I/O pending: poll again soon.
            timeout = Some(Duration::from_millis(1));
        }
    }
    park(rt, timeout);
}

fn park(rt: &Shared, timeout: Option<Duration>) {
    let mut g = rt.park_lock.lock();
    rt.sleepers.fetch_add(1, Ordering::SeqCst);
    if rt.has_work() || rt.shutdown.load(Ordering::Acquire) {
        rt.sleepers.fetch_sub(1, Ordering::SeqCst);
        return;
    }
    rt.stats.parks.fetch_add(1, Ordering::Relaxed);
    match timeout {
        Some(d) => {
            rt.park_cv.wait_for(&mut g, d);
        }
        // Bounded even "forever", so a missed external event costs at most a tick.
        None => {
            rt.park_cv.wait_for(&mut g, Duration::from_millis(50));
        }
    }
    rt.sleepers.fetch_sub(1, Ordering::SeqCst);
}
