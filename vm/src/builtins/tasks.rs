//! The task builtins of LANGUAGE.md §9: spawn, sleep, yield_now, join,
//! join_settled, race, as_completed, timeout, shield, monotonic, now, and
//! the methods of a task handle.

use super::Args;
use crate::bytecode::{FuncProto, Op};
use crate::error::{RtResult, Thrown};
use crate::futures::{self, AwaitTasks, Catch, Mode, Sleep, Timeout};
use crate::interp::Vm;
use crate::task::{Completions, CoroutineObj, FnCall, RtCtx, TaskObj};
use crate::task_name::TaskName;
use crate::value::{Closure, Value};
use crate::waiters::Waiter;
use std::sync::{Arc, OnceLock};

fn ctx(vm: &Vm) -> RtResult<Arc<RtCtx>> {
    vm.ctx.clone().ok_or_else(|| Thrown::new("Error", "no runtime is running"))
}

/// A function that awaits its one argument: runs a native future as a task.
fn await_shim() -> Value {
    static SHIM: OnceLock<Arc<FuncProto>> = OnceLock::new();
    let proto = SHIM.get_or_init(|| {
        Arc::new(FuncProto {
            name: "<await>".into(),
            file: "<builtin>".into(),
            is_async: true,
            code: vec![Op::Load(0), Op::Await, Op::Return],
            spans: vec![Default::default(); 3],
            params: vec!["f".into()],
            param_types: vec![None],
            first_default: 1,
            nslots: 1,
            ..FuncProto::default()
        })
    });
    Value::Func(Arc::new(Closure::new(
        proto.clone(),
        Vec::new(),
        Vec::new(),
        Arc::new(crate::interp::Globals::new(Vec::new(), &[])),
    )))
}

/// The shim closure, bound to the program's globals (it reads none).
fn await_shim_for(ctx: &RtCtx) -> Value {
    match await_shim() {
        Value::Func(c) => {
            Value::Func(Arc::new(Closure::new(c.proto.clone(), Vec::new(), Vec::new(), ctx.globals.clone())))
        }
        other => other,
    }
}

/// A coroutine becomes a new task, a task stays itself, a future is wrapped.
pub fn to_task(vm: &Vm, v: &Value, name: Option<Arc<str>>) -> RtResult<Arc<TaskObj>> {
    // Borrowed: the context's count is shared by every worker.
    let ctx = vm.ctx.as_ref().ok_or_else(|| Thrown::new("Error", "no runtime is running"))?;
    match v {
        Value::Task(t) => Ok(t.clone()),
        Value::Coroutine(c) => {
            let name = name.map_or_else(|| c.name.clone(), TaskName::Given);
            Ok(ctx.spawn_fn_call(c.take_fn()?, name))
        }
        Value::Future(_) => {
            let fiber = Vm::for_call(ctx, await_shim_for(ctx), vec![v.clone()], Vec::new())?;
            Ok(ctx.spawn(fiber, name))
        }
        other => Err(Thrown::type_error(format!("expected a coroutine or a task, got {}", other.type_name()))),
    }
}

pub fn spawn(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let name = match args.kw("name") {
        Some(Value::Str(s)) => Some(Arc::from(s.as_str())),
        Some(Value::None) | None => None,
        Some(other) => {
            return Err(Thrown::type_error(format!("a task name must be a String, not {}", other.type_name())))
        }
    };
    let [c] = super::core::one(&args, "spawn")?;
    if !matches!(c, Value::Coroutine(_) | Value::Future(_) | Value::Task(_)) {
        return Err(Thrown::type_error(format!(
            "spawn() needs a coroutine (the result of calling an async fn), got {}",
            c.type_name()
        )));
    }
    to_task(vm, c, name).map(Value::Task)
}

/// Seconds (Int or Float) to nanoseconds.
pub fn nanos(v: &Value, what: &str) -> RtResult<u64> {
    let secs = match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        other => {
            return Err(Thrown::type_error(format!("{what} needs seconds as a number, not {}", other.type_name())))
        }
    };
    if !(secs >= 0.0) {
        return Err(Thrown::value_error(format!("{what} needs a non-negative number of seconds")));
    }
    Ok((secs * 1e9).min(1e18) as u64)
}

pub fn sleep(_vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [secs] = super::core::one(&args, "sleep")?;
    Ok(futures::value(Sleep::new(nanos(secs, "sleep")?)))
}

pub fn yield_now(_vm: &mut Vm, _args: Args) -> RtResult<Value> {
    Ok(futures::value(Sleep::new(0)))
}

/// How many of a combinator's last children are born registered with it.
/// The first poll finds the ones made earlier finished more often than not
/// (they were queued first, and other workers take them at once), and a
/// finished child needs no registration: its result is read without a lock.
/// The last ones have seldom run by then, and registering them as they are
/// made takes no lock. A small fan-out (`join` of a dozen) is all "last".
const BORN_REGISTERED: usize = 64;

/// The children of a combinator, in order. A coroutine among the last
/// `BORN_REGISTERED` becomes a new task born registered with `completions`
/// at its index; the indices of the other children, registered at the
/// first poll, go on `unregistered`.
struct Children<'a> {
    vm: &'a Vm,
    completions: &'a Arc<Completions>,
    tasks: Vec<Arc<TaskObj>>,
    unregistered: Vec<u32>,
    /// Children from this index on are born registered.
    born_registered_from: usize,
}

impl Children<'_> {
    /// `v` held by the list alone: a coroutine's call moves out of it with
    /// no lock when nothing else holds the coroutine either.
    fn add_owned(&mut self, v: Value) -> RtResult<()> {
        match v {
            Value::Coroutine(c) => {
                let name = c.name.clone();
                self.add_call(CoroutineObj::into_call(c)?, name)
            }
            other => self.add(&other),
        }
    }

    fn add(&mut self, v: &Value) -> RtResult<()> {
        match v {
            Value::Coroutine(c) => self.add_call(c.take_fn()?, c.name.clone()),
            other => {
                self.unregistered.push(self.tasks.len() as u32);
                let task = to_task(self.vm, other, None)?;
                self.tasks.push(task);
                Ok(())
            }
        }
    }

    fn add_call(&mut self, call: FnCall, name: TaskName) -> RtResult<()> {
        let ctx = self.vm.ctx.as_ref().ok_or_else(|| Thrown::new("Error", "no runtime is running"))?;
        let index = self.tasks.len();
        let waiter = if index >= self.born_registered_from {
            Some(Waiter::Notify(self.completions.clone(), index as u32))
        } else {
            self.unregistered.push(index as u32);
            None
        };
        let task = ctx.fn_task_with(call, name, waiter);
        ctx.queue(&task);
        self.tasks.push(task);
        Ok(())
    }
}

fn combinator(vm: &mut Vm, mut args: Args, name: &str, mode: Mode) -> RtResult<Value> {
    super::core::one(&args, name)?;
    let items = match args.pos.pop().unwrap_or_default() {
        Value::List(xs) | Value::Tuple(xs) => xs,
        other => Arc::new(vm.collect_iterable(&other)?),
    };
    let completions = Arc::new(Completions::default());
    let mut children = Children {
        vm,
        completions: &completions,
        tasks: Vec::with_capacity(items.len()),
        unregistered: Vec::new(),
        born_registered_from: items.len().saturating_sub(BORN_REGISTERED),
    };
    match Arc::try_unwrap(items) {
        // The only reference (`join([g(i) for i in …])`): each coroutine is
        // let go once its task is made, so the tasks reuse its memory
        // rather than the program holding both.
        Ok(items) => items.into_iter().try_for_each(|v| children.add_owned(v))?,
        // Read in place: a copy would touch every item's refcount twice.
        Err(items) => items.iter().try_for_each(|v| children.add(v))?,
    }
    let Children { tasks, unregistered, .. } = children;
    if tasks.is_empty() && mode == Mode::Race {
        return Err(Thrown::value_error("race() needs at least one awaitable"));
    }
    Ok(futures::value(AwaitTasks::new(tasks, mode, completions, unregistered)))
}

pub fn join(vm: &mut Vm, args: Args) -> RtResult<Value> {
    combinator(vm, args, "join", Mode::All)
}

pub fn join_settled(vm: &mut Vm, args: Args) -> RtResult<Value> {
    combinator(vm, args, "join_settled", Mode::Settled)
}

pub fn race(vm: &mut Vm, args: Args) -> RtResult<Value> {
    combinator(vm, args, "race", Mode::Race)
}

pub fn as_completed(vm: &mut Vm, args: Args) -> RtResult<Value> {
    combinator(vm, args, "as_completed", Mode::AsCompleted)
}

pub fn timeout(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let (fut, secs) = match args.pos.as_slice() {
        [f, s] => (f, s),
        other => {
            return Err(Thrown::type_error(format!(
                "timeout() takes 2 arguments (awaitable, seconds) but {} were given",
                other.len()
            )))
        }
    };
    let n = nanos(secs, "timeout")?;
    let text = crate::format::to_str(secs);
    let task = to_task(vm, fut, None)?;
    Ok(futures::value(Timeout::new(task, n, text)))
}

/// `shield(fut)`: the operation runs as its own task, so cancelling the
/// awaiter does not cancel it.
pub fn shield(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [fut] = super::core::one(&args, "shield")?;
    let task = to_task(vm, fut, None)?;
    Ok(futures::value(Shielded { task }))
}

/// Awaits a task without ever cancelling it: whatever cancels the awaiter
/// (a cancel, a `timeout`, a `race`) drops this, not the task.
struct Shielded {
    task: Arc<TaskObj>,
}

impl futures::NativeFuture for Shielded {
    fn poll(&mut self, cx: &futures::FutCx) -> futures::FutPoll {
        match self.task.result_or_register(cx.waker()) {
            Some(r) => futures::FutPoll::Ready(futures::deliver(&r)),
            None => futures::FutPoll::Pending,
        }
    }

    fn poll_committed(&mut self, cx: &futures::FutCx) -> Option<futures::FutPoll> {
        match self.poll(cx) {
            futures::FutPoll::Pending => None,
            ready => Some(ready),
        }
    }

    fn describe(&self) -> String {
        format!("shield({})", self.task.name())
    }
}

pub fn monotonic(vm: &mut Vm, _args: Args) -> RtResult<Value> {
    let ctx = ctx(vm)?;
    Ok(Value::Float(ctx.rt.clock.now_ns() as f64 / 1e9))
}

pub fn now(_vm: &mut Vm, _args: Args) -> RtResult<Value> {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(Value::Float(t))
}

/// Methods of a `Task` handle (`await` is compiled to the `Await` instruction).
pub fn task_method(t: &Arc<TaskObj>, name: &str, args: &Args) -> Option<RtResult<Value>> {
    if !matches!(name, "cancel" | "is_done" | "name" | "catch") {
        return None;
    }
    if !args.pos.is_empty() {
        return Some(Err(Thrown::type_error(format!("task.{name}() takes no arguments"))));
    }
    Some(Ok(match name {
        "cancel" => {
            t.cancel();
            Value::None
        }
        "is_done" => Value::Bool(t.is_done()),
        "name" => Value::str(t.name().into_owned()),
        _ => futures::value(Catch::new(t.clone())),
    }))
}

/// `select([ch, …])`: `(index, value)` of the first ready receive.
pub fn select(vm: &mut Vm, args: Args) -> RtResult<Value> {
    let [list] = super::core::one(&args, "select")?;
    let items = vm.collect_iterable(list)?;
    if items.is_empty() {
        return Err(Thrown::value_error("select() needs at least one channel"));
    }
    let mut chans = Vec::with_capacity(items.len());
    for v in items {
        match v {
            Value::Channel(c) => chans.push(c),
            other => return Err(Thrown::type_error(format!("select() takes channels, got {}", other.type_name()))),
        }
    }
    Ok(futures::value(crate::chan::SelectFut::new(chans)))
}

fn feeder(vm: &mut Vm, args: Args, name: &str, repeat: bool) -> RtResult<Value> {
    let [secs] = super::core::one(&args, name)?;
    let n = nanos(secs, name)?;
    let ctx = ctx(vm)?;
    let ch = crate::chan::ChannelObj::new(1, None);
    futures::ticker::start(&ctx.rt, &ch, n, if repeat { Some(n) } else { None });
    Ok(Value::Channel(ch))
}

/// `after(secs)`: a channel that yields `()` once, after `secs`.
pub fn after(vm: &mut Vm, args: Args) -> RtResult<Value> {
    feeder(vm, args, "after", false)
}

/// `ticker(secs)`: a channel that yields `()` every `secs`.
pub fn ticker(vm: &mut Vm, args: Args) -> RtResult<Value> {
    feeder(vm, args, "ticker", true)
}
