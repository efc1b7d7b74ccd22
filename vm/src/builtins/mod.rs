//! The builtin names the compiler resolves: native functions (one table,
//! indexed by `Op::Native`), builtin types and error kinds as values, and the
//! standard modules with what each exports (`from math import sqrt` is
//! checked against this).

mod convert;
mod core;
mod env;
pub mod fast;
pub mod json;
mod json_parse;
mod math;
pub mod methods;
mod random;
pub mod tasks;

use crate::error::{RtResult, Thrown};
use crate::interp::Vm;
use crate::types::{BuiltinType, TypeInfo, ERROR_KINDS};
use crate::value::Value;
use std::sync::Arc;

/// Positional and keyword arguments of a native call.
/// Positional arguments of a builtin call.
pub type PosArgs = smallvec::SmallVec<[Value; 4]>;

pub struct Args {
    /// Inline for up to four (no allocation for most builtin calls).
    pub pos: PosArgs,
    pub kw: Vec<(Arc<str>, Value)>,
}

impl Args {
    pub fn kw(&self, name: &str) -> Option<&Value> {
        self.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
    }
}

pub type NativeFn = fn(&mut Vm, Args) -> RtResult<Value>;

pub struct NativeDef {
    pub name: &'static str,
    pub func: NativeFn,
}

/// What a builtin name denotes.
#[derive(Clone, Debug)]
pub enum Builtin {
    Native(u32),
    Value(Value),
}

/// Every native function. The index is the `Op::Native` operand.
pub static NATIVES: &[NativeDef] = &[
    NativeDef { name: "print", func: core::print },
    NativeDef { name: "<main result>", func: core::main_result },
    NativeDef { name: "<top-level ?>", func: core::top_level_try },
    NativeDef { name: "len", func: core::len },
    NativeDef { name: "str", func: convert::str_ },
    NativeDef { name: "repr", func: convert::repr },
    NativeDef { name: "int", func: convert::int },
    NativeDef { name: "float", func: convert::float },
    NativeDef { name: "bool", func: convert::bool_ },
    NativeDef { name: "list", func: convert::list },
    NativeDef { name: "tuple", func: convert::tuple },
    NativeDef { name: "dict", func: convert::dict },
    NativeDef { name: "range", func: core::range },
    NativeDef { name: "abs", func: core::abs },
    NativeDef { name: "min", func: core::min },
    NativeDef { name: "max", func: core::max },
    NativeDef { name: "sum", func: core::sum },
    NativeDef { name: "sorted", func: core::sorted },
    NativeDef { name: "reversed", func: core::reversed },
    NativeDef { name: "enumerate", func: core::enumerate },
    NativeDef { name: "zip", func: core::zip },
    NativeDef { name: "type", func: core::type_of },
    NativeDef { name: "isinstance", func: core::isinstance },
    NativeDef { name: "panic", func: core::panic },
    NativeDef { name: "input", func: core::input },
    NativeDef { name: "Some", func: core::some },
    NativeDef { name: "Ok", func: core::ok },
    NativeDef { name: "Err", func: core::err },
    NativeDef { name: "math.sqrt", func: math::sqrt },
    NativeDef { name: "math.floor", func: math::floor },
    NativeDef { name: "math.ceil", func: math::ceil },
    NativeDef { name: "math.pow", func: math::pow },
    NativeDef { name: "math.exp", func: math::exp },
    NativeDef { name: "math.log", func: math::log },
    NativeDef { name: "math.log2", func: math::log2 },
    NativeDef { name: "math.log10", func: math::log10 },
    NativeDef { name: "math.sin", func: math::sin },
    NativeDef { name: "math.cos", func: math::cos },
    NativeDef { name: "math.tan", func: math::tan },
    NativeDef { name: "math.isnan", func: math::isnan },
    NativeDef { name: "math.isinf", func: math::isinf },
    NativeDef { name: "math.isfinite", func: math::isfinite },
    NativeDef { name: "random.int", func: random::int },
    NativeDef { name: "random.float", func: random::float },
    NativeDef { name: "random.choice", func: random::choice },
    NativeDef { name: "random.shuffle", func: random::shuffle },
    NativeDef { name: "random.seed", func: random::seed },
    NativeDef { name: "json.parse", func: json::parse },
    NativeDef { name: "json.dumps", func: json::dumps },
    NativeDef { name: "env.get", func: env::get },
    NativeDef { name: "round", func: math::round },
    NativeDef { name: "spawn", func: tasks::spawn },
    NativeDef { name: "sleep", func: tasks::sleep },
    NativeDef { name: "yield_now", func: tasks::yield_now },
    NativeDef { name: "join", func: tasks::join },
    NativeDef { name: "join_settled", func: tasks::join_settled },
    NativeDef { name: "race", func: tasks::race },
    NativeDef { name: "as_completed", func: tasks::as_completed },
    NativeDef { name: "timeout", func: tasks::timeout },
    NativeDef { name: "shield", func: tasks::shield },
    NativeDef { name: "monotonic", func: tasks::monotonic },
    NativeDef { name: "now", func: tasks::now },
    NativeDef { name: "time.monotonic", func: tasks::monotonic },
    NativeDef { name: "time.now", func: tasks::now },
    NativeDef { name: "time.sleep", func: tasks::sleep },
    NativeDef { name: "select", func: tasks::select },
    NativeDef { name: "run_blocking", func: crate::blocking::run_blocking },
    NativeDef { name: "after", func: tasks::after },
    NativeDef { name: "ticker", func: tasks::ticker },
];

/// Names that are builtin values rather than functions.
fn builtin_value(name: &str) -> Option<Value> {
    if let Some(b) = BuiltinType::from_name(name) {
        return Some(Value::Type(Arc::new(TypeInfo::Builtin(b))));
    }
    if ERROR_KINDS.contains(&name) {
        return Some(Value::Type(Arc::new(TypeInfo::ErrorKind(name.into()))));
    }
    match name {
        "Channel" => return Some(Value::Type(Arc::new(TypeInfo::Channel(None)))),
        "Lock" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("Lock")))),
        "Semaphore" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("Semaphore")))),
        "Event" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("Event")))),
        "Atomic" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("Atomic")))),
        "Shared" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("Shared")))),
        "TaskGroup" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("TaskGroup")))),
        "Executor" => return Some(Value::Type(Arc::new(TypeInfo::HandleKind("Executor")))),
        "Task" | "Coroutine" | "Future" | "TcpListener" | "TcpStream" | "Request" => {
            let n: &'static str = match name {
                "Task" => "Task",
                "Coroutine" => "Coroutine",
                "TcpListener" => "TcpListener",
                "TcpStream" => "TcpStream",
                "Request" => "Request",
                _ => "Future",
            };
            return Some(Value::Type(Arc::new(TypeInfo::Opaque(n))));
        }
        _ => {}
    }
    match name {
        "argv" => Some(Value::list(crate::interp::argv().into_iter().map(Value::str).collect())),
        "math.pi" => Some(Value::Float(std::f64::consts::PI)),
        "math.e" => Some(Value::Float(std::f64::consts::E)),
        "math.inf" => Some(Value::Float(f64::INFINITY)),
        "math.nan" => Some(Value::Float(f64::NAN)),
        _ => None,
    }
}

/// Natives added at startup by other crates (stdlib's net, http, fs): they
/// take the indices after `NATIVES`.
static EXTRA: std::sync::OnceLock<Vec<NativeDef>> = std::sync::OnceLock::new();

/// Registers extra natives (once per process; later calls are ignored).
pub fn install(extra: Vec<NativeDef>) {
    let _ = EXTRA.set(extra);
}

fn extra() -> &'static [NativeDef] {
    EXTRA.get().map(|v| v.as_slice()).unwrap_or(&[])
}

/// The native function with index `i`.
pub fn native_fn(i: u32) -> Option<NativeFn> {
    let i = i as usize;
    match NATIVES.get(i) {
        Some(n) => Some(n.func),
        None => extra().get(i - NATIVES.len()).map(|n| n.func),
    }
}

pub fn lookup(name: &str) -> Option<Builtin> {
    if let Some(i) = native_index(name) {
        return Some(Builtin::Native(i));
    }
    builtin_value(name).map(Builtin::Value)
}

/// All builtin names (for "did you mean" suggestions and REPL completion).
pub fn names() -> impl Iterator<Item = &'static str> {
    NATIVES.iter().map(|n| n.name).filter(|n| !n.contains('.')).chain(ERROR_KINDS.iter().copied())
}

/// The names a standard module exports, or `None` if there is no such module.
pub fn module_exports(module: &str) -> Option<&'static [&'static str]> {
    Some(match module {
        "math" => &[
            "sqrt", "floor", "ceil", "pow", "exp", "log", "log2", "log10", "sin", "cos", "tan", "isnan", "isinf",
            "isfinite", "pi", "e", "inf", "nan",
        ],
        "async" | "asyncio" => &[
            "spawn",
            "sleep",
            "yield_now",
            "join",
            "join_settled",
            "race",
            "timeout",
            "as_completed",
            "shield",
            "Channel",
            "select",
            "after",
            "ticker",
            "TaskGroup",
            "Lock",
            "Semaphore",
            "Event",
            "Atomic",
            "Shared",
            "Executor",
            "run_blocking",
            "Future",
            "Task",
            "Coroutine",
            "monotonic",
            "now",
            "TcpListener",
            "TcpStream",
            "http",
        ],
        "io" => &["read_to_string", "write_all"],
        "time" => &["monotonic", "now", "sleep"],
        "random" => &["int", "float", "choice", "shuffle", "seed"],
        "json" => &["parse", "dumps"],
        "env" => &["get"],
        "fs" => &["read_text", "write_text", "exists"],
        "net" => &["TcpListener", "TcpStream", "read_to_string", "write_all"],
        "http" => &["get", "post", "serve", "Request", "Response"],
        _ => return None,
    })
}

/// The index of a native by name (for natives the VM itself calls).
/// The name of a native, for messages.
pub fn native_name(i: u32) -> Option<&'static str> {
    let i = i as usize;
    match NATIVES.get(i) {
        Some(n) => Some(n.name),
        None => extra().get(i - NATIVES.len()).map(|n| n.name),
    }
}

/// A keyword argument the native does not take is a TypeError (not silently
/// ignored). The modules' functions (`http.*`, `json.*`, …), `print` and
/// `dict` check or accept their own; the others take only these.
pub fn check_keywords(i: u32, args: &Args) -> RtResult<()> {
    let Some(name) = native_name(i) else { return Ok(()) };
    if args.kw.is_empty() || name.contains('.') || matches!(name, "print" | "dict" | "Response") {
        return Ok(());
    }
    let allowed: &[&str] = match name {
        "min" | "max" => &["key", "default"],
        "sorted" => &["key", "reverse"],
        "sum" | "enumerate" => &["start"],
        "spawn" => &["name"],
        _ => &[],
    };
    match args.kw.iter().find(|(k, _)| !allowed.contains(&&**k)) {
        None => Ok(()),
        Some((k, _)) if allowed.is_empty() => {
            Err(Thrown::type_error(format!("{name}() takes no keyword arguments (got `{k}`)")))
        }
        Some((k, _)) => Err(Thrown::type_error(format!(
            "{name}() got an unexpected keyword argument `{k}` (it takes {})",
            allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// The index of the builtin `spawn` (looked up once).
pub fn spawn_index() -> Option<u32> {
    static SPAWN: std::sync::OnceLock<Option<u32>> = std::sync::OnceLock::new();
    *SPAWN.get_or_init(|| native_index("spawn"))
}

pub fn native_index(name: &str) -> Option<u32> {
    NATIVES
        .iter()
        .position(|n| n.name == name)
        .or_else(|| extra().iter().position(|n| n.name == name).map(|i| i + NATIVES.len()))
        .map(|i| i as u32)
}
