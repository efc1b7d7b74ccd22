//! The interpreter loop. A `Vm` runs one fiber: its frames live in a `Vec`
//! and its locals and operands on one value stack, so a mojolite call never
//! recurses on the Rust stack (deep recursion is a `RecursionError`, not a
//! crashed process). Natives that call back into mojolite code (`__str__`,
//! sort keys, `map`) run a nested loop on the same fiber.

mod r#await;
mod call;
mod chan_fast;
mod cold;
mod dunders;
mod exec;
mod hot_stack;
mod in_place;
mod iterate;
mod methods;
mod place;
pub(crate) mod pool;
mod quick;
mod run;
mod typing;
mod unwind;

pub use call::{channel_capacity, type_matches};
pub use typing::{hash_key, is_instance};

use crate::bytecode::Place;
use crate::compiler::Program;
use crate::error::{RtResult, Thrown, TraceEntry, Uncaught};
use crate::task::{RtCtx, TaskObj, TaskResult};
use crate::value::{Closure, Value};
use parking_lot::RwLock;
use std::sync::{Arc, OnceLock};

/// Default bound on the frames of one task (LANGUAGE.md §4).
pub const MAX_FRAMES: usize = 10_000;

/// Bound on nested native→mojolite callbacks, which recurse on the Rust stack.
pub const MAX_NATIVE_DEPTH: u32 = 5_000;

static ARGV: OnceLock<Vec<String>> = OnceLock::new();

/// Sets the program's `argv` (the script path first, then its arguments).
pub fn set_argv(args: Vec<String>) {
    let _ = ARGV.set(args);
}

pub fn argv() -> Vec<String> {
    ARGV.get().cloned().unwrap_or_default()
}

/// Interpreter options from the command line.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub workers: usize,
    pub seed: Option<u64>,
    pub virtual_time: bool,
    pub trace: bool,
    pub stats: bool,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        RunOptions { workers, seed: None, virtual_time: false, trace: false, stats: false }
    }
}

/// The module's global slots. Only top-level code writes them. A slot the
/// compiler saw written once (`frozen`) is a `OnceLock`: reading it is a
/// plain atomic load, which matters because every call of a top-level
/// function reads one.
impl std::fmt::Debug for Globals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Globals({} slots)", self.names.len())
    }
}

pub struct Globals {
    pub names: Vec<String>,
    slots: Vec<GlobalSlot>,
    /// Names of slots given after creation (the REPL's session globals).
    late_names: parking_lot::Mutex<Vec<String>>,
}

enum GlobalSlot {
    Frozen(OnceLock<Value>),
    Mutable(RwLock<Option<Value>>),
}

impl Globals {
    pub fn new(names: Vec<String>, frozen: &[bool]) -> Globals {
        let slots = (0..names.len())
            .map(|i| {
                if frozen.get(i).copied().unwrap_or(false) {
                    GlobalSlot::Frozen(OnceLock::new())
                } else {
                    GlobalSlot::Mutable(RwLock::new(None))
                }
            })
            .collect();
        Globals { names, slots, late_names: Default::default() }
    }

    /// `capacity` mutable slots whose names are given later with
    /// `set_names` (the REPL: each input may define new globals).
    pub fn with_capacity(capacity: usize) -> Globals {
        let slots = (0..capacity).map(|_| GlobalSlot::Mutable(RwLock::new(None))).collect();
        Globals { names: Vec::new(), slots, late_names: Default::default() }
    }

    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// Names the slots of a `with_capacity` table (slot `i` is `names[i]`).
    pub fn set_names(&self, names: &[String]) {
        *self.late_names.lock() = names.to_vec();
    }

    /// The name of a slot, for messages.
    pub fn name(&self, slot: usize) -> String {
        match self.names.get(slot) {
            Some(n) => n.clone(),
            None => self.late_names.lock().get(slot).cloned().unwrap_or_default(),
        }
    }

    #[inline]
    pub fn get(&self, slot: usize) -> Option<Value> {
        match self.slots.get(slot)? {
            GlobalSlot::Frozen(v) => v.get().cloned(),
            GlobalSlot::Mutable(v) => v.read().clone(),
        }
    }

    pub fn set(&self, slot: usize, value: Value) {
        match self.slots.get(slot) {
            Some(GlobalSlot::Frozen(v)) => {
                if let Value::Type(t) = &value {
                    if let crate::types::TypeInfo::Struct(st) = &**t {
                        // Held from now on for as long as these globals.
                        st.pinned.store(true, std::sync::atomic::Ordering::Release);
                    }
                }
                // Written once by construction; a second write cannot happen.
                let _ = v.set(value);
            }
            Some(GlobalSlot::Mutable(v)) => *v.write() = Some(value),
            None => {}
        }
    }

    /// A frozen slot's value by reference (None for mutable or unset slots).
    #[inline]
    pub fn frozen_ref(&self, slot: usize) -> Option<&Value> {
        match self.slots.get(slot)? {
            GlobalSlot::Frozen(v) => v.get(),
            GlobalSlot::Mutable(_) => None,
        }
    }

    /// Empties every mutable slot. Functions hold their module's globals and
    /// the globals hold the functions, so a table that is done with (an
    /// in-process test run) is only freed once this cycle is cut.
    pub fn clear(&self) {
        for slot in &self.slots {
            if let GlobalSlot::Mutable(v) = slot {
                *v.write() = None;
            }
        }
    }

    /// Runs `f` on a mutable global's value in place, under its write lock
    /// (no reader sees it half-updated or missing); None for frozen and
    /// unset slots.
    #[inline]
    pub fn update<R>(&self, slot: usize, f: impl FnOnce(&mut Value) -> R) -> Option<R> {
        match self.slots.get(slot)? {
            GlobalSlot::Frozen(_) => None,
            GlobalSlot::Mutable(v) => v.write().as_mut().map(f),
        }
    }

    /// Moves a (mutable) global's value out, for an in-place update.
    pub fn take(&self, slot: usize) -> Option<Value> {
        match self.slots.get(slot)? {
            GlobalSlot::Frozen(v) => v.get().cloned(),
            GlobalSlot::Mutable(v) => v.write().take(),
        }
    }
}

/// How a frame's return is finished.
#[derive(Debug)]
pub enum FrameKind {
    Normal,
    /// A read-only method whose `self` (slot 0) is the caller's, lent
    /// without a reference (`self_borrowable`): the slot is forgotten, not
    /// dropped, whenever the frame goes (`forget_slot`).
    BorrowedSelf,
    /// `__init__`: the call's value is the constructed `self` (slot 0).
    Init,
    /// A `mut self` method: `self` (slot 0) is written back to the caller's place.
    Writeback(Box<Writeback>),
    /// A `mut self` method called on a local (`c.add(x)`): `self` (slot 0)
    /// was moved out of the caller's slot at this stack index, and goes back
    /// there (on return and when an error unwinds the frame).
    WritebackLocal(usize),
}

#[derive(Debug)]
pub struct Writeback {
    pub place: Place,
    pub indices: Vec<Value>,
}

/// The function a frame runs.
#[derive(Debug)]
pub enum FrameFn {
    Owned(Arc<Closure>),
    /// A function held by a frozen global slot, called by `CallGlobal`
    /// without touching its refcount (two workers calling the same global
    /// function would otherwise fight over one cache line on every call).
    /// Valid because a frozen slot is written once and a program's
    /// `Globals` outlive every frame of the program: the entry module's
    /// through `RtCtx::globals`, an imported module's through the module
    /// registry in `RtCtx`. Also a method of a struct type held by a frozen
    /// global (`StructType::pinned`), whose method list never changes.
    Global(*const Closure),
}

// SAFETY: `Closure` is Send + Sync; the pointer is only a borrow of one
// kept alive as described above.
unsafe impl Send for FrameFn {}
unsafe impl Sync for FrameFn {}

impl FrameFn {
    #[inline]
    pub fn get(&self) -> &Closure {
        match self {
            FrameFn::Owned(a) => a,
            // SAFETY: see the type's comment.
            FrameFn::Global(p) => unsafe { &**p },
        }
    }

    /// An owning handle, from this one.
    pub fn into_arc(self) -> Arc<Closure> {
        match self {
            FrameFn::Owned(a) => a,
            global => global.to_arc(),
        }
    }

    /// An owning handle (for `LoadSelf`, a nested fn naming itself).
    pub fn to_arc(&self) -> Arc<Closure> {
        match self {
            FrameFn::Owned(a) => a.clone(),
            FrameFn::Global(p) => {
                // SAFETY: `p` came from `Arc::as_ptr` of an Arc that is alive.
                unsafe {
                    Arc::increment_strong_count(*p);
                    Arc::from_raw(*p)
                }
            }
        }
    }
}

#[derive(Debug)]
pub struct Frame {
    pub closure: FrameFn,
    /// The next instruction to run.
    pub ip: usize,
    /// Stack index of slot 0.
    pub base: usize,
    /// Where the stack is cut back to on return: the callee's slot
    /// (`base - 1`), or `base` for `CallGlobal`, which pushes no callee.
    pub ret_at: usize,
    pub kind: FrameKind,
    /// The struct type id of `self` (slot 0) for the whole run of a method
    /// that never writes that slot, when its caller knew it; 0 when
    /// unknown. Lets `self.m(…)` skip reading its receiver's type.
    pub self_ty: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct TryHandler {
    /// `frames.len()` when the handler was installed.
    pub frame_len: usize,
    pub target: u32,
    /// Stack height to restore.
    pub sp: usize,
    pub finally: bool,
}

/// A task's execution state.
#[derive(Debug, Default)]
pub struct Fiber {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub handlers: Vec<TryHandler>,
}

impl Fiber {
    /// Forgets the lent `self` of every frame (see `FrameKind::BorrowedSelf`)
    /// before the stack is dropped or cleared with its frames.
    pub(crate) fn forget_borrowed(&mut self) {
        for f in &self.frames {
            if matches!(f.kind, FrameKind::BorrowedSelf) {
                forget_slot(&mut self.stack, f.base);
            }
        }
    }
}

impl Drop for Fiber {
    fn drop(&mut self) {
        self.forget_borrowed();
    }
}

/// Replaces a slot that holds a lent value (a bitwise copy that owns no
/// reference) with None, without dropping it.
#[inline(always)]
pub(crate) fn forget_slot(stack: &mut [Value], at: usize) {
    if let Some(slot) = stack.get_mut(at) {
        std::mem::forget(std::mem::replace(slot, Value::None));
    }
}

/// Pops the top frame, known to be `Normal` or `BorrowedSelf`: a frame
/// running a global's closure owns nothing, so it is forgotten without the
/// out-of-line drop of a `Frame`.
#[inline(always)]
pub(crate) fn pop_plain_frame(frames: &mut Vec<Frame>) {
    let Some(last) = frames.len().checked_sub(1) else { return };
    debug_assert!(matches!(
        frames[last].kind,
        FrameKind::Normal | FrameKind::BorrowedSelf | FrameKind::WritebackLocal(_)
    ));
    if matches!(frames[last].closure, FrameFn::Global(_)) {
        // SAFETY: the frame's kind owns no heap value (the caller checked it
        // is `Normal`, `BorrowedSelf` or `WritebackLocal`) and its closure is a borrowed
        // pointer, so forgetting it leaks nothing.
        unsafe { frames.set_len(last) };
    } else {
        frames.pop();
    }
}

/// Preemption budget: backward jumps and calls a task may make per time slice.
pub const BUDGET: i32 = 20_000;

/// How a time slice of a task ended.
pub enum Exit {
    Done(TaskResult),
    Pending,
    Yield,
}

/// How `run_frames` stopped.
pub(crate) enum Flow {
    Return(Value),
    Suspend,
    Yield,
}

pub struct Vm {
    pub globals: Arc<Globals>,
    pub fiber: Fiber,
    /// Traceback entries collected while an error unwinds (innermost first).
    pub trace: Vec<TraceEntry>,
    /// The task running this fiber (set for the duration of a poll).
    pub task: Option<Arc<TaskObj>>,
    /// The program's runtime context.
    pub ctx: Option<Arc<RtCtx>>,
    pub(crate) budget: i32,
    /// Tracebacks of errors caught by a handler, keyed by the error value's
    /// identity, so a re-raise (`finally`, an unmatched `except`, bare
    /// `raise`) continues the original traceback.
    pub(crate) caught: Vec<(usize, Vec<TraceEntry>)>,
    /// Set by `Reraise` so the unwind does not record the re-raise point.
    pub(crate) reraising: bool,
    /// How many native→mojolite callbacks are nested (each uses Rust stack).
    native_depth: u32,
}

impl Vm {
    pub fn new(globals: Arc<Globals>) -> Vm {
        Vm {
            globals,
            fiber: Fiber::default(),
            trace: Vec::new(),
            task: None,
            ctx: None,
            budget: BUDGET,
            native_depth: 0,
            caught: Vec::new(),
            reraising: false,
        }
    }

    /// A fiber whose entry frame calls `f(args)`, ready to be a task.
    pub fn for_call(ctx: &Arc<RtCtx>, f: Value, args: Vec<Value>, kw: Vec<(Arc<str>, Value)>) -> RtResult<Vm> {
        Vm::boxed_for_call(ctx, f, crate::task::CallArgs::from_vec(args), kw).map(|vm| *vm)
    }

    /// `for_call`, boxed as a task holds it (a VM from this worker's pool
    /// when it has one: see `pool`).
    pub(crate) fn boxed_for_call(
        ctx: &Arc<RtCtx>,
        f: Value,
        args: crate::task::CallArgs,
        kw: Vec<(Arc<str>, Value)>,
    ) -> RtResult<Box<Vm>> {
        let Value::Func(closure) = f else {
            return Err(Thrown::type_error(format!("cannot run a {} as a task", f.type_name())));
        };
        if kw.is_empty() {
            return Vm::boxed_for_fn(ctx, FrameFn::Owned(closure), args);
        }
        let mut vm = Vm::pooled_for(ctx);
        let argc = args.len();
        // A new task's fiber starts small: an idle task should cost a few
        // hundred bytes (its frame's slots plus a little operand room).
        vm.fiber.stack.reserve_exact(1 + argc + kw.len() + closure.proto.nslots as usize + 8);
        vm.fiber.frames.reserve_exact(2);
        vm.fiber.stack.push(Value::Func(closure.clone()));
        vm.fiber.stack.extend(args);
        let names: Vec<Arc<str>> = kw.iter().map(|(k, _)| k.clone()).collect();
        vm.fiber.stack.extend(kw.into_iter().map(|(_, v)| v));
        vm.enter(closure, 0, argc, Some(&names[..]), FrameKind::Normal)?;
        Ok(vm)
    }

    /// `boxed_for_call` of a function as a frame holds it, with positional
    /// arguments only: the arguments go at the bottom of the stack and no
    /// callee is pushed (as `CallGlobal` does), so the function's count is
    /// not touched.
    pub(crate) fn boxed_for_fn(ctx: &Arc<RtCtx>, func: FrameFn, args: crate::task::CallArgs) -> RtResult<Box<Vm>> {
        let mut vm = Vm::pooled_for(ctx);
        let argc = args.len();
        vm.fiber.stack.reserve_exact(argc + func.get().proto.nslots as usize + 8);
        vm.fiber.frames.reserve_exact(2);
        vm.fiber.stack.extend(args);
        vm.enter_at(func, 0, 0, argc, None, FrameKind::Normal)?;
        Ok(vm)
    }

    /// A VM for a new task of `ctx`'s program: this worker's pooled one if
    /// it has one (keeping its `ctx` when it is this one: no shared count
    /// is touched).
    fn pooled_for(ctx: &Arc<RtCtx>) -> Box<Vm> {
        let mut vm = pool::take(&ctx.globals);
        if !vm.ctx.as_ref().is_some_and(|c| Arc::ptr_eq(c, ctx)) {
            vm.ctx = Some(ctx.clone());
        }
        vm
    }

    /// Runs a program: its top-level statements, then `main` (the compiler
    /// appends that call to the module body), as the task `main` on a fresh
    /// runtime. Returns the main task's outcome.
    pub fn run_program(program: &Program, opts: &RunOptions) -> Result<(), Uncaught> {
        crate::rng::seed(opts.seed);
        let globals = Arc::new(Globals::new(program.global_names.clone(), &program.frozen));
        let rt = runtime::Runtime::new(opts.workers, opts.virtual_time);
        let mut sources = vec![(program.file.clone(), program.src.clone())];
        sources.extend(program.modules.iter().map(|m| (m.file.clone(), m.src.clone())));
        let ctx = RtCtx::new(rt.shared.clone(), globals.clone(), opts.trace, sources);
        let init = Value::Func(Arc::new(Closure::new(program.init.clone(), Vec::new(), Vec::new(), globals.clone())));
        let vm = Vm::for_call(&ctx, init, Vec::new(), Vec::new())
            .map_err(|thrown| Uncaught { thrown, trace: Vec::new() })?;
        let main = ctx.spawn_main(vm);
        let hook_ctx = Arc::downgrade(&ctx);
        let hook_main = Arc::downgrade(&main);
        ctx.rt.set_idle_hook(Box::new(move || match (hook_ctx.upgrade(), hook_main.upgrade()) {
            (Some(ctx), Some(main)) => crate::deadlock::detect(&ctx, &main),
            _ => false,
        }));
        let result = main.wait_blocking();
        crate::deadlock::finish_program(&ctx, &main);
        if opts.stats {
            crate::deadlock::print_stats(&ctx);
        }
        rt.shutdown();
        match result {
            TaskResult::Value(_) => Ok(()),
            TaskResult::Failed(f) => Err(Uncaught { thrown: f.thrown, trace: f.trace }),
        }
    }

    /// The globals of the module whose code is running.
    pub(crate) fn frame_globals(&self) -> Arc<Globals> {
        self.fiber.frames.last().map(|f| f.closure.get().globals.clone()).unwrap_or_else(|| self.globals.clone())
    }

    /// Calls any callable value from native code, running mojolite code in a
    /// nested loop until it returns.
    pub fn call_value(&mut self, f: Value, args: Vec<Value>) -> RtResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(Thrown::new(
                "RecursionError",
                format!("maximum recursion depth exceeded ({MAX_NATIVE_DEPTH} nested calls from builtins such as `__str__`, `map` or a sort key)"),
            ));
        }
        self.native_depth += 1;
        // Callbacks recurse on the Rust stack: grow it on demand (segmented),
        // so the depth is bounded by MAX_NATIVE_DEPTH, not by the thread's stack.
        let r = stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || self.call_value_inner(f, args));
        self.native_depth -= 1;
        r
    }

    fn call_value_inner(&mut self, f: Value, args: Vec<Value>) -> RtResult<Value> {
        let depth = self.fiber.frames.len();
        let argc = args.len();
        self.fiber.stack.push(f);
        self.fiber.stack.extend(args);
        if self.call(argc, None)? {
            self.execute(depth)
        } else {
            Ok(self.pop())
        }
    }

    /// Runs a function's body to completion in this fiber even if it is
    /// `async` (no coroutine is made). For bodies that never suspend, such
    /// as a module that only defines functions.
    pub fn call_value_sync(&mut self, f: Value, args: Vec<Value>) -> RtResult<Value> {
        let Value::Func(closure) = f else { return self.call_value(f, args) };
        let depth = self.fiber.frames.len();
        let callee_at = self.fiber.stack.len();
        let argc = args.len();
        self.fiber.stack.push(Value::Func(closure.clone()));
        self.fiber.stack.extend(args);
        self.enter(closure, callee_at, argc, None, FrameKind::Normal)?;
        self.execute(depth)
    }

    /// Runs one time slice of this fiber as a task.
    pub fn resume(&mut self) -> Exit {
        self.budget = BUDGET;
        // An interrupted task that waits at an `await` gets the error there.
        let at_await = self
            .fiber
            .frames
            .last()
            .is_some_and(|f| matches!(f.closure.get().proto.code.get(f.ip), Some(crate::bytecode::Op::Await)));
        // Over the memory limit, every slice starts with a MemoryError (a
        // program that only spawns tasks that wait never ends a slice).
        let interrupt = crate::memory::over_limit()
            .or_else(|| self.task.as_ref().filter(|_| !at_await).and_then(|t| t.take_slice_interrupt()));
        if let Some(thrown) = interrupt {
            if let Err(thrown) = self.unwind(thrown, 0) {
                return Exit::Done(TaskResult::failed(thrown, std::mem::take(&mut self.trace)));
            }
        }
        loop {
            match self.run_frames(0) {
                Ok(Flow::Return(v)) => return Exit::Done(TaskResult::Value(v)),
                Ok(Flow::Suspend) => return Exit::Pending,
                Ok(Flow::Yield) => match crate::memory::over_limit() {
                    // Over the memory limit: the error lands where the slice
                    // ended (it is most likely the task that allocates).
                    Some(thrown) => {
                        if let Err(thrown) = self.unwind(thrown, 0) {
                            return Exit::Done(TaskResult::failed(thrown, std::mem::take(&mut self.trace)));
                        }
                        // A handler gets a whole slice to free memory before
                        // the next check.
                        self.budget = BUDGET;
                    }
                    None => return Exit::Yield,
                },
                Err(thrown) => {
                    if let Err(thrown) = self.unwind(thrown, 0) {
                        return Exit::Done(TaskResult::failed(thrown, std::mem::take(&mut self.trace)));
                    }
                }
            }
        }
    }

    /// Records the running frame's instruction pointer (before anything
    /// that can fail, switch frames or suspend).
    #[inline(always)]
    pub(crate) fn save_ip(&mut self, ip: usize) {
        if let Some(f) = self.fiber.frames.last_mut() {
            f.ip = ip;
        }
    }

    /// Pushes a new frame at instruction 0.
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, closure: FrameFn, base: usize, ret_at: usize, kind: FrameKind) {
        self.push_frame_of(closure, base, ret_at, kind, 0);
    }

    /// `push_frame` of a method whose `self` has the struct type `self_ty`
    /// for the whole call (`Frame::self_ty`; 0 when unknown).
    #[inline(always)]
    pub(crate) fn push_frame_of(
        &mut self,
        closure: FrameFn,
        base: usize,
        ret_at: usize,
        kind: FrameKind,
        self_ty: u32,
    ) {
        // Not `push_built`: its closure's captures were stored to the stack
        // on every call (they live across the growth call), about a dozen
        // instructions. Here each branch builds its own frame.
        let frames = &mut self.fiber.frames;
        let len = frames.len();
        if len < frames.capacity() {
            // SAFETY: slot `len` is allocated and uninitialised; it is
            // initialised before `set_len` counts it.
            unsafe {
                frames.as_mut_ptr().add(len).write(Frame { closure, ip: 0, base, ret_at, kind, self_ty });
                frames.set_len(len + 1);
            }
        } else {
            push_grown(frames, Frame { closure, ip: 0, base, ret_at, kind, self_ty });
        }
    }

    /// The top of the stack (`None` on an empty stack, which compiled code
    /// never pops).
    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Value {
        let stack = &mut self.fiber.stack;
        let Some(last) = stack.len().checked_sub(1) else { return Value::None };
        // SAFETY: slot `last` is initialised; `set_len` first makes the
        // vector forget it, so the read moves it out exactly once.
        unsafe {
            stack.set_len(last);
            std::ptr::read(stack.as_ptr().add(last))
        }
    }

    #[inline(always)]
    pub(crate) fn push(&mut self, v: Value) {
        push_built(&mut self.fiber.stack, || v);
    }

    pub(crate) fn base(&self) -> usize {
        self.fiber.frames.last().map(|f| f.base).unwrap_or(0)
    }

    /// `str(v)`, running user `__str__` (else `__repr__`) methods.
    pub fn to_str(&mut self, v: &Value) -> RtResult<String> {
        self.stringify(v, false)
    }

    /// `repr(v)`, running user `__repr__`/`__str__` methods.
    pub fn to_repr(&mut self, v: &Value) -> RtResult<String> {
        self.stringify(v, true)
    }

    fn stringify(&mut self, v: &Value, repr: bool) -> RtResult<String> {
        let mut out = String::new();
        let mut hook = |s: &Value, repr: bool| -> Option<RtResult<String>> {
            let Value::Struct(obj) = s else { return None };
            let method = if repr {
                obj.ty.method("__repr__").or_else(|| obj.ty.method("__str__"))
            } else {
                // As Python: without `__str__`, `str` uses `__repr__`.
                obj.ty.method("__str__").or_else(|| obj.ty.method("__repr__"))
            }?;
            Some(self.call_value(method, vec![s.clone()]).and_then(|r| match r {
                Value::Str(s) => Ok((*s).clone()),
                other => Err(Thrown::type_error(format!("__str__ must return a String, not {}", other.type_name()))),
            }))
        };
        crate::format::write_value(&mut out, v, repr, &mut hook)?;
        Ok(out)
    }
}

/// `vec.push(make())` for the VM's hot paths: the growth path is out of
/// line and the element is built after it, straight into its slot. (A
/// `Vec::push` whose grow call sits between building the value and storing
/// it spills the value to a temporary first, and reloading that temporary
/// stalls on the store buffer: about a third of the time of a call-heavy
/// loop such as `fib`.)
#[inline(always)]
fn push_built<T>(vec: &mut Vec<T>, make: impl FnOnce() -> T) {
    if vec.len() == vec.capacity() {
        grow(vec);
    }
    let len = vec.len();
    // SAFETY: `len < capacity` (ensured above), so slot `len` is allocated
    // and uninitialised; it is initialised before `set_len` counts it.
    unsafe {
        vec.as_mut_ptr().add(len).write(make());
        vec.set_len(len + 1);
    }
}

/// `vec.push(v)` when `vec` is full (the cold path of `push_frame_of`).
#[cold]
#[inline(never)]
fn push_grown<T>(vec: &mut Vec<T>, v: T) {
    vec.reserve(vec.len().max(16));
    vec.push(v);
}

#[cold]
#[inline(never)]
fn grow<T>(vec: &mut Vec<T>) {
    vec.reserve(vec.len().max(16));
}
