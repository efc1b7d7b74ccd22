//! The blocking pool: `run_blocking(f, args…)` runs a sync function on a
//! separate OS thread (never on a worker), in its own fiber, and wakes the
//! awaiting task with the result. While a job runs, the runtime counts it as
//! external work, so it neither reports a deadlock nor jumps virtual time.

use crate::error::{RtResult, Thrown};
use crate::futures::{FutCx, FutPoll, NativeFuture};
use crate::interp::Vm;
use crate::task::RtCtx;
use crate::value::Value;
use parking_lot::{Condvar, Mutex};
use runtime::Waker;
use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

type Job = Box<dyn FnOnce() + Send>;

struct Pool {
    jobs: Mutex<VecDeque<Job>>,
    cv: Condvar,
    threads: Mutex<usize>,
    idle: Mutex<usize>,
}

const MAX_THREADS: usize = 64;

fn pool() -> &'static Arc<Pool> {
    static POOL: OnceLock<Arc<Pool>> = OnceLock::new();
    POOL.get_or_init(|| {
        Arc::new(Pool {
            jobs: Mutex::new(VecDeque::new()),
            cv: Condvar::new(),
            threads: Mutex::new(0),
            idle: Mutex::new(0),
        })
    })
}

/// Runs `job` on a pool thread.
pub fn submit(job: Job) {
    let p = pool();
    p.jobs.lock().push_back(job);
    let idle = *p.idle.lock();
    if idle == 0 {
        let mut threads = p.threads.lock();
        if *threads < MAX_THREADS {
            *threads += 1;
            let p2 = p.clone();
            let spawned = std::thread::Builder::new()
                .name("mojolite-blocking".into())
                .stack_size(64 << 20)
                .spawn(move || worker(p2));
            if spawned.is_err() {
                *threads -= 1;
            }
        }
    }
    p.cv.notify_one();
}

fn worker(p: Arc<Pool>) {
    loop {
        let job = {
            let mut jobs = p.jobs.lock();
            loop {
                if let Some(j) = jobs.pop_front() {
                    break Some(j);
                }
                *p.idle.lock() += 1;
                let timed_out = p.cv.wait_for(&mut jobs, Duration::from_secs(10)).timed_out();
                *p.idle.lock() -= 1;
                if timed_out && jobs.is_empty() {
                    break None;
                }
            }
        };
        match job {
            Some(j) => j(),
            None => {
                *p.threads.lock() -= 1;
                crate::block_cache::flush();
                return;
            }
        }
    }
}

#[derive(Default)]
struct Slot {
    result: Option<RtResult<Value>>,
    waker: Option<Waker>,
}

pub struct BlockingFut {
    slot: Arc<Mutex<Slot>>,
}

/// Starts `f(args)` on the pool and returns the future of its result.
pub fn run(ctx: &Arc<RtCtx>, f: Value, args: Vec<Value>) -> BlockingFut {
    let slot = Arc::new(Mutex::new(Slot::default()));
    let slot2 = slot.clone();
    let ctx2 = ctx.clone();
    ctx.rt.external.fetch_add(1, Ordering::AcqRel);
    submit(Box::new(move || {
        let mut vm = Vm::new(ctx2.globals.clone());
        vm.ctx = Some(ctx2.clone());
        vm.budget = i32::MAX;
        let r = vm.call_value(f, args);
        let waker = {
            let mut s = slot2.lock();
            s.result = Some(r);
            s.waker.take()
        };
        // Wake before releasing the external count, so the runtime never
        // looks idle in between (a false deadlock).
        if let Some(w) = waker {
            w.wake();
        }
        ctx2.rt.external.fetch_sub(1, Ordering::AcqRel);
        ctx2.rt.poke();
    }));
    BlockingFut { slot }
}

/// Runs a Rust job on the pool (file I/O) and returns the future of its value.
pub fn run_native(ctx: &Arc<RtCtx>, job: impl FnOnce() -> Value + Send + 'static) -> BlockingFut {
    let slot = Arc::new(Mutex::new(Slot::default()));
    let slot2 = slot.clone();
    let rt = ctx.rt.clone();
    rt.external.fetch_add(1, Ordering::AcqRel);
    submit(Box::new(move || {
        let v = job();
        let waker = {
            let mut s = slot2.lock();
            s.result = Some(Ok(v));
            s.waker.take()
        };
        if let Some(w) = waker {
            w.wake();
        }
        rt.external.fetch_sub(1, Ordering::AcqRel);
        rt.poke();
    }));
    BlockingFut { slot }
}

impl NativeFuture for BlockingFut {
    fn poll(&mut self, cx: &FutCx) -> FutPoll {
        let mut s = self.slot.lock();
        match s.result.take() {
            Some(r) => FutPoll::Ready(r),
            None => {
                s.waker = Some(cx.waker().clone());
                FutPoll::Pending
            }
        }
    }

    fn poll_committed(&mut self, _cx: &FutCx) -> Option<FutPoll> {
        self.slot.lock().result.take().map(FutPoll::Ready)
    }

    fn describe(&self) -> String {
        "run_blocking".into()
    }
}

pub fn run_blocking(vm: &mut Vm, args: crate::builtins::Args) -> RtResult<Value> {
    let Some(ctx) = vm.ctx.clone() else { return Err(Thrown::new("Error", "no runtime is running")) };
    let mut pos = args.pos.into_iter();
    let Some(f) = pos.next() else { return Err(Thrown::type_error("run_blocking() needs a function")) };
    if !matches!(f, Value::Func(_) | Value::Native(_) | Value::Bound(_)) {
        return Err(Thrown::type_error(format!("run_blocking() needs a function, got {}", f.type_name())));
    }
    if let Value::Func(c) = &f {
        if c.proto.is_async {
            return Err(Thrown::type_error("run_blocking() runs sync functions; spawn an async fn instead"));
        }
    }
    Ok(crate::futures::value(run(&ctx, f, pos.collect())))
}
