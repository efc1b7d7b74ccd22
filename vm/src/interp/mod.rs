//! The interpreter loop. A `Vm` runs one fiber: its frames live in a `Vec`
//! and its locals and operands on one value stack, so a mojolite call never
//! recurses on the Rust stack (deep recursion is a `RecursionError`, not a
//! crashed process). Natives that call back into mojolite code (`__str__`,
//! sort keys, `map`) run a nested loop on the same fiber.

mod call;
mod exec;
mod place;
mod unwind;

pub use exec::{hash_key, is_instance};

use crate::bytecode::{FuncProto, Place};
use crate::compiler::Program;
use crate::error::{RtResult, Thrown, TraceEntry, Uncaught};
use crate::value::{Closure, Value};
use parking_lot::RwLock;
use std::sync::{Arc, OnceLock};

/// Default bound on the frames of one task (LANGUAGE.md §4).
pub const MAX_FRAMES: usize = 10_000;

static ARGV: OnceLock<Vec<String>> = OnceLock::new();

/// Sets the program's `argv` (the script path first, then its arguments).
pub fn set_argv(args: Vec<String>) {
    let _ = ARGV.set(args);
}

pub fn argv() -> Vec<String> {
    ARGV.get().cloned().unwrap_or_default()
}

/// The module's global slots. Only top-level code writes them.
pub struct Globals {
    pub names: Vec<String>,
    pub slots: Vec<RwLock<Option<Value>>>,
}

impl Globals {
    pub fn new(names: Vec<String>) -> Globals {
        let slots = names.iter().map(|_| RwLock::new(None)).collect();
        Globals { names, slots }
    }
}

/// How a frame's return is finished.
#[derive(Debug)]
pub enum FrameKind {
    Normal,
    /// `__init__`: the call's value is the constructed `self` (slot 0).
    Init,
    /// A `mut self` method: `self` (slot 0) is written back to the caller's place.
    Writeback(Box<Writeback>),
}

#[derive(Debug)]
pub struct Writeback {
    pub place: Place,
    pub indices: Vec<Value>,
}

#[derive(Debug)]
pub struct Frame {
    pub closure: Arc<Closure>,
    /// The next instruction to run.
    pub ip: usize,
    /// Stack index of slot 0; the callee value sits at `base - 1`.
    pub base: usize,
    pub kind: FrameKind,
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

pub struct Vm {
    pub globals: Arc<Globals>,
    pub fiber: Fiber,
    /// Traceback entries collected while an error unwinds (innermost first).
    pub trace: Vec<TraceEntry>,
    /// Name of the task this VM runs (for tracebacks).
    pub task_name: String,
}

impl Vm {
    pub fn new(globals: Arc<Globals>) -> Vm {
        Vm {
            globals,
            fiber: Fiber::default(),
            trace: Vec::new(),
            task_name: "main".into(),
        }
    }

    /// Runs a program: its top-level statements, then `main` if it defines one.
    pub fn run_program(program: &Program) -> Result<(), Uncaught> {
        let globals = Arc::new(Globals::new(program.global_names.clone()));
        let mut vm = Vm::new(globals);
        let init = Value::Func(Arc::new(Closure {
            proto: program.init.clone(),
            captures: Vec::new(),
            defaults: Vec::new(),
        }));
        vm.call_top(init)?;
        if let Some(slot) = program.main_slot {
            let main = vm.global(slot as usize).unwrap_or_default();
            vm.call_top(main)?;
        }
        Ok(())
    }

    /// Calls `f()` with no arguments at the top of the fiber.
    fn call_top(&mut self, f: Value) -> Result<Value, Uncaught> {
        self.trace.clear();
        self.call_value(f, Vec::new()).map_err(|thrown| Uncaught {
            thrown,
            trace: std::mem::take(&mut self.trace),
        })
    }

    pub fn global(&self, slot: usize) -> Option<Value> {
        self.globals.slots.get(slot)?.read().clone()
    }

    /// Calls any callable value from native code, running mojolite code in a
    /// nested loop until it returns.
    pub fn call_value(&mut self, f: Value, args: Vec<Value>) -> RtResult<Value> {
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

    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        self.fiber.stack.pop().unwrap_or_default()
    }

    #[inline]
    pub(crate) fn push(&mut self, v: Value) {
        self.fiber.stack.push(v);
    }

    pub(crate) fn proto(&self) -> Option<&Arc<FuncProto>> {
        self.fiber.frames.last().map(|f| &f.closure.proto)
    }

    pub(crate) fn base(&self) -> usize {
        self.fiber.frames.last().map(|f| f.base).unwrap_or(0)
    }

    /// `str(v)`, running user `__str__` methods.
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
                obj.ty
                    .method("__repr__")
                    .or_else(|| obj.ty.method("__str__"))
            } else {
                obj.ty.method("__str__")
            }?;
            Some(
                self.call_value(method, vec![s.clone()])
                    .and_then(|r| match r {
                        Value::Str(s) => Ok((*s).clone()),
                        other => Err(Thrown::type_error(format!(
                            "__str__ must return a String, not {}",
                            other.type_name()
                        ))),
                    }),
            )
        };
        crate::format::write_value(&mut out, v, repr, &mut hook)?;
        Ok(out)
    }
}
