//! The bytecode: one opcode table (`Op`), with each opcode's stack effect in
//! its doc comment, and the compiled function (`FuncProto`) that holds the
//! code, constants, call-site side tables and the span of every instruction.
//! The interpreter (`interp/`) and the disassembler (`disasm.rs`) both read
//! this table, one `match` each.

use crate::types::BuiltinType;
use crate::value::Value;
use lexer::Span;
use std::sync::Arc;

/// Stack effects are written `[before] -> [after]` for the top of the stack.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    // ---- constants and variables ----
    /// `[] -> [consts[i]]`
    Const(u32),
    /// `[] -> [Int(n)]`
    SmallInt(i32),
    /// `[] -> [None]`
    None,
    /// `[] -> [()]`
    Unit,
    /// `[] -> [Bool]`
    Bool(bool),
    /// `[] -> [locals[i]]`
    Load(u16),
    /// `[v] -> []`, `locals[i] = v`
    Store(u16),
    /// `[] -> [locals[i]]`, leaving `None` in the slot (a move: a hidden temporary, or a
    /// local at its last read, `compiler/last_use.rs`)
    Take(u16),
    /// `[] -> []`, dropping `locals[i]` (leaving `None`): an inlined call's
    /// argument is released when the call's value is ready, as a frame's would be
    Clear(u16),
    /// `[] -> [globals[i]]` (error if not yet initialised)
    LoadGlobal(u32),
    /// `[v] -> []`, `globals[i] = v`
    StoreGlobal(u32),
    /// `[] -> [native function i]`
    Native(u32),
    /// `[v] -> []`
    Pop,
    /// `[v] -> [v, v]`
    Dup,
    /// `[a, b] -> [b, a]`
    Swap,

    // ---- operators ----
    /// `[a, b] -> [a op b]` for the arithmetic and bitwise operators
    Binary(parser::ast::BinOp),
    /// `[] -> [locals[slot] op k]`: a local and a small Int constant (superinstruction
    /// for `n - 1`; same semantics as `Load`, `SmallInt`, `Binary`)
    BinaryLocalConst { slot: u16, op: parser::ast::BinOp, k: i32 },
    /// `[] -> [Bool]`: `locals[slot] op k` for a comparison (superinstruction for `n < 2`)
    CompareLocalConst { slot: u16, op: parser::ast::CmpOp, k: i32 },
    /// `[a] -> [-a]`
    Neg,
    /// `[a] -> [a]` (numbers only)
    Pos,
    /// `[Bool] -> [not Bool]`
    Not,
    /// `[Int] -> [~Int]`
    Invert,
    /// `[a, b] -> [Bool]` for `== != < > <= >= in, not in`
    Compare(parser::ast::CmpOp),

    // ---- control flow (targets are absolute instruction indices) ----
    /// `[] -> []`
    Jump(u32),
    /// `[Bool] -> []`, jump when false (TypeError for a non-Bool)
    JumpIfFalse(u32),
    /// `[] -> []`: `if local op k` fused (`cmp_jumps[i]`: jump when the
    /// comparison is false; same semantics as `CompareLocalConst`, `JumpIfFalse`)
    CmpJump(u32),
    /// `[Bool] -> []`, jump when true
    JumpIfTrue(u32),
    /// `[] -> []`, jump when `locals[slot]` holds a value no method changes
    /// in place (a channel, task, future or other handle, a scalar, a
    /// string): an inlined call may then lend the caller's variable to a
    /// parameter it calls methods on (`compiler/inline.rs`)
    JumpIfLendable { slot: u16, target: u32 },
    /// `[Bool] -> [Bool]` when jumping, `[]` otherwise (for `and`)
    JumpIfFalseOrPop(u32),
    /// `[Bool] -> [Bool]` when jumping, `[]` otherwise (for `or`)
    JumpIfTrueOrPop(u32),
    /// `[v] -> [v]` checks `v` is a Bool (TypeError otherwise): the right operand of `and`/`or`
    CheckBool,

    // ---- containers ----
    /// `[x1..xn] -> [List]`
    BuildList(u32),
    /// `[x1..xn] -> [Tuple]`
    BuildTuple(u32),
    /// `[k1, v1 .. kn, vn] -> [Dict]`
    BuildDict(u32),
    /// `[list, x] -> [list+x]` (a list display with `*xs`; appends in place)
    ListPush,
    /// `[idx] -> [locals[i][idx]]`: `Load(i); <idx>; Index` without the
    /// copy of the local, when the index cannot change it (only names,
    /// literals and operators: `Compiler::is_plain_index`)
    IndexLocal(u16),
    /// `[x] -> []`, `locals[i].append(x)`: a list comprehension's element
    /// onto its hidden accumulator, a list only that slot holds
    ListPushLocal(u16),
    /// `[dict, k, v] -> [dict]` (comprehensions)
    DictInsert,
    /// `[list, xs] -> [list ++ xs]` (`*xs` in a list display)
    ListExtend,
    /// `[obj, idx] -> [obj[idx]]`
    Index,
    /// `[obj, lo, hi, step] -> [obj[lo:hi:step]]` (missing parts are None)
    Slice,
    /// `[obj] -> [obj.name]` where `name = names[i]`
    GetAttr(u32),
    /// `[] -> [local.name]`: `Load(slot)` then `GetAttr(name)`, reading a
    /// struct's field where the local holds it (no count taken on the struct)
    LoadAttr { slot: u16, name: u32 },
    /// `[obj] -> [obj[i]]` positional element of a tuple/list/struct (patterns, destructuring)
    GetItem(u32),
    /// `[seq] -> [x1..xn]` destructures exactly n items (ValueError otherwise)
    Unpack(u32),
    /// `[lo, hi] -> [Range]`; the flag says `..=`
    MakeRange(bool),

    // ---- places (assignment through paths: `a.b[i].c = v`) ----
    /// `[idx.., v] -> []` stores `v` at `places[i]`; the place's index values are below `v`
    StorePlace(u32),
    /// `[idx..] -> [idx.., v]` reads `places[i]` leaving its index values (for `+=`)
    LoadPlace(u32),

    // ---- calls ----
    /// `[f, a1..an] -> [result]` positional call
    Call(u8),
    /// `[a1..an] -> [result]` positional call of the function in global `slot`
    /// (a frozen global function is called without touching its refcount)
    CallGlobal { slot: u32, argc: u8 },
    /// `spawn(g(a1..an))` with `g` a global async fn and `spawn` the builtin:
    /// `[a1..an] -> [Task]`, the task made straight from the call (no
    /// coroutine in between), skipping the `Call(1)` that follows. If global
    /// `slot` is not a frozen async fn, it becomes `[spawn, g(a1..an)]`
    /// instead (`g` called as by `CallGlobal`) and the `Call(1)` spawns it.
    /// Followed by the `CallMethod` of `recv.spawn(g(a1..an))` instead:
    /// `[recv?, a1..an] -> [Task]` when the receiver is a TaskGroup (the task
    /// joins the group, the `CallMethod` is skipped), else
    /// `[recv?, g(a1..an)]` and the `CallMethod` runs.
    SpawnGlobal { slot: u32, argc: u8 },
    /// `[f, args..] -> [result]` call described by `call_sites[i]` (keywords, `*args`)
    CallSite(u32),
    /// `[recv | idx.., args..] -> [result]` method call described by `method_sites[i]`;
    /// when the site has a place, the receiver is read from (and written back to) it
    CallMethod(u32),
    /// `[v] -> []` returns from the current function
    Return,
    /// `[] -> []` returns `locals[i]` from the current function (`return x`:
    /// `Load(i)` then `Return` as one instruction)
    ReturnLocal(u16),
    /// `[defaults.., captures..] -> [closure]` builds `closures[i]`
    MakeClosure(u32),
    /// `[] -> [the running closure]` (a nested fn naming itself)
    LoadSelf,
    /// `[] -> []` defines the struct `structs[i]` (methods from the stack: `[m1..mn] -> [Type]`)
    MakeStruct(u32),

    // ---- async ----
    /// `[awaitable] -> [value]`: runs a coroutine inline, waits for a task, or
    /// polls a native future. While it waits the fiber suspends and this
    /// instruction runs again when the task is woken.
    Await,
    /// `[v] -> [aiter]` for `async for`: a channel or async-iterable future stays
    /// itself, a struct's `__aiter__` is called
    GetAIter,

    // ---- iteration ----
    /// `[v] -> [iterable]`: calls a struct's `__iter__`, leaves other values as they are
    GetIter,
    /// `[v] -> [iterator]`: `GetIter` of `enumerate(v)` (`for i, x in
    /// enumerate(v)`): pairs made as the loop goes for a builtin iterable,
    /// the general `enumerate` for anything else
    GetIterEnumerate,
    /// `[v] -> [iterator]` for a dict `v` (`for k, v in d.items()`: its pairs
    /// as the loop goes), then on to the next instruction; `[v] -> []` and a
    /// jump to `target` for anything else (where `v.items()` is called and
    /// iterated the general way)
    DictItemsIter(u32),
    /// `[] -> [x]` advances the iterator in `locals[slot]`; builtin iterators push the
    /// next item and skip the following `ForUnwrap`; a struct's `__next__` is called and
    /// its Optional lands on the stack for `ForUnwrap`; at the end jumps to `target`
    ForIter { slot: u16, target: u32 },
    /// `[Optional] -> [x]` unwraps `Some(x)`, or jumps to `target` on `None`
    ForUnwrap(u32),

    // ---- strings ----
    /// `[v] -> [String]` formats with `format_specs[i]` (conversion + spec);
    /// a String or Int with no spec stays as it is, for the `Concat` that
    /// always follows
    Format(u32),
    /// `[s1..sn] -> [String]` concatenates (an Int part as its digits)
    Concat(u32),

    // ---- errors ----
    /// `[] -> []` installs an exception handler jumping to `target` (see `HandlerKind`)
    SetupTry { target: u32, finally: bool },
    /// `[] -> []` removes the innermost handler
    PopTry,
    /// `[err] -> !` raises `err` (TypeError for a non-Error)
    Raise,
    /// `[err] -> !` re-raises a caught error or panic (keeps panics panicking)
    Reraise,
    /// `[err, Type] -> [Bool]` does the caught error match `except Type`
    ExcMatch,
    /// `[v] -> [v']` postfix `?`: unwraps `Ok(v)`/`Some(v)`, or returns `Err`/`None` at once
    TryUnwrap,
    /// `[cond, msg] -> []` raises AssertionError when `cond` is false
    Assert(u32),
    /// `[left, right, msg] -> []` `assert left op right`: raises AssertionError
    /// showing both operands when the comparison is false (`consts[i]` is the text)
    AssertCompare(parser::ast::CmpOp, u32),

    // ---- patterns and types ----
    /// `[v] -> [Bool]` tests `v` against `tests[i]`
    Test(u32),
    /// `[v, Type] -> [Bool]`
    IsInstance,
    /// `[Some(x) | Ok(x) | Err(x)] -> [x]`
    Unwrap,
    /// `[v] -> [x]` when `v` is `variant(x)`; otherwise `[v] -> []` and jumps
    /// to `target` (the `if let Some(x) = …` / `while let Ok(x) = …` test
    /// and unwrap in one step)
    MatchUnwrap { variant: Variant, target: u32 },
    /// `[] -> [x]` when `locals[slot]` is `variant(x)` (a copy of `x`);
    /// otherwise `[] -> []` and jumps to `target` (a `case Some(x):` on a
    /// subject held in a slot)
    MatchUnwrapLocal { slot: u16, variant: Variant, target: u32 },
    /// `await select(…)` when a channel has a value now (tried from a
    /// random one): with `chans == 0`, `[list] -> [(i, v)]`; with
    /// `chans == n`, the n channels themselves: `[c1..cn] -> [(i, v)]`;
    /// with `pair`, `[i, v]` instead of the tuple; then jumps to `target`.
    /// Otherwise the stack is unchanged and the ordinary `select` call and
    /// `Await` that follow run (after a `BuildList(n)` for `chans == n`,
    /// and an `Unpack(2)` for `pair`)
    SelectReady { chans: u16, pair: bool, target: u32 },
    /// `SelectReady` on channels held in locals (`select_sites[i]`), read
    /// where they are (no refcount traffic on the shared channels):
    /// `[] -> [(i, v)]` (or `[i, v]` with the site's `pair`) and jumps to
    /// its `target` when one has a value now; otherwise, when they are all
    /// channels, `[] -> [select future]` and jumps to the site's `await_at`;
    /// otherwise `[] -> []` and the code that follows loads them and runs
    /// the ordinary `select` (which reports what is wrong)
    SelectLocals(u32),
    /// `[seq] -> [seq[from .. len - from_end]]` (the `*rest` of a list pattern)
    SliceRest { from: u16, from_end: u16 },
    /// `[v] -> [v]` checks `v` against `type_checks[i]` (return values, `let x: T`)
    CheckType(u32),
    /// `[v] -> [v]` checks the value of an inlined call of `names[func]`
    /// against its return annotation `type_checks[check]` (None passes for
    /// an async fn), with the message a returning call would give
    CheckResult { check: u32, func: u32, is_async: bool },
    /// `[] -> []` checks an argument of an inlined call, in the local slot
    /// `arg_checks[i].slot`, against its parameter's annotation, with the
    /// message the call would give
    CheckArg(u32),
    /// `[] -> !` raises MatchError for the value in `locals[slot]`
    MatchFail(u16),
    /// `[] -> [module, awaitable]` instantiates `imports[i]` once per program:
    /// pushes the module and its body as a coroutine to await (a finished
    /// future if it was already imported)
    ImportModule(u32),
    /// `[] -> []` does nothing (patched jump targets, alignment)
    Nop,
}

/// A runtime type check for annotations (`x: Int`, `-> List[Int]`).
#[derive(Clone, Debug, PartialEq)]
pub enum TypeCheck {
    Builtin(BuiltinType),
    /// A struct or error kind, looked up by name when checked.
    Named(String),
    /// `fn(...) -> T`: only checks the value is callable.
    Callable,
}

impl TypeCheck {
    pub fn name(&self) -> String {
        match self {
            TypeCheck::Builtin(b) => b.name().to_string(),
            TypeCheck::Named(n) => n.clone(),
            TypeCheck::Callable => "Function".to_string(),
        }
    }
}

/// What a `Test` instruction checks (pattern matching).
#[derive(Clone, Debug, PartialEq)]
pub enum PatternTest {
    /// Tuple of exactly n items (`()` counts as 0)
    Tuple(u32),
    /// List with exactly n items, or at least n when `at_least`
    List {
        len: u32,
        at_least: bool,
    },
    /// Tuple or List, as above (bare-tuple patterns match both)
    Seq {
        len: u32,
        at_least: bool,
    },
    Some,
    Ok,
    Err,
    None,
}

/// The wrapper a `MatchUnwrap` looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Some,
    Ok,
    Err,
}

impl Variant {
    /// The wrapper named `name` in a pattern (`Some`, `Ok`, `Err`).
    pub fn named(name: &str) -> Option<Variant> {
        match name {
            "Some" => Some(Variant::Some),
            "Ok" => Some(Variant::Ok),
            "Err" => Some(Variant::Err),
            _ => None,
        }
    }
}

/// A fused `if local op k:` test (`Op::CmpJump`).
#[derive(Clone, Copy, Debug)]
pub struct CmpJump {
    pub slot: u16,
    pub op: parser::ast::CmpOp,
    pub k: i32,
    /// Where to jump when the comparison is false.
    pub target: u32,
}

/// An annotated parameter of an inlined call (`Op::CheckArg`).
#[derive(Clone, Debug)]
pub struct ArgCheck {
    pub slot: u16,
    pub check: TypeCheck,
    pub func: Arc<str>,
    pub param: Arc<str>,
}

/// The instructions `start..end` are the inlined body of a call of `name`
/// made at `call_span` (`compiler/inline.rs`): a traceback through them
/// shows that function, then the call.
#[derive(Clone, Debug)]
pub struct InlinedCall {
    pub start: u32,
    pub end: u32,
    pub name: Arc<str>,
    pub call_span: Span,
}

/// `await select([a, b, …])` on channels in locals (`Op::SelectLocals`).
#[derive(Clone, Debug)]
pub struct SelectSite {
    pub slots: Vec<u16>,
    /// Leave `(index, value)` as its two items.
    pub pair: bool,
    /// Where to go with the ready value.
    pub target: u32,
    /// The `Await` of the ordinary path, given the select future directly
    /// when no channel is ready.
    pub await_at: u32,
}

/// A keyword/star call site.
#[derive(Clone, Debug)]
pub struct CallSite {
    /// Positional argument count (after the callee, before keyword values).
    pub argc: u32,
    /// Names of the keyword arguments, whose values follow the positionals.
    pub kwnames: Vec<Arc<str>>,
    /// Positions (among positionals) that are `*xs` spreads.
    pub stars: Vec<u32>,
}

/// A method call site: `recv.name(args)`.
#[derive(Clone, Debug)]
pub struct MethodSite {
    pub name: Arc<str>,
    pub call: CallSite,
    /// When the receiver is a place (`xs`, `a.b.items`, `grid[i]`), the method may
    /// mutate it in place and the new value is written back.
    pub place: Option<u32>,
    /// The slot, when the receiver is a plain local variable (its place
    /// has no path): the struct-method fast path reads it from here.
    pub local: Option<u16>,
    /// The global holding the method of the struct type the compiler
    /// expects the receiver to be (`instance_method_global`): once the
    /// cache has seen a type whose method is that very closure, a hit
    /// enters it from the global rather than from the type's method list.
    pub guess: Option<u32>,
    /// Which method of which struct type this site called last.
    pub cache: MethodCache,
    /// For `await x.recv()` / `await x.send(v)`: what follows the
    /// `Await`, worked out once when the function is complete
    /// (`FuncState::note_await_shapes`) rather than on every operation.
    pub await_shape: Option<crate::chan::AwaitShape>,
    /// `local.append(v)` (one positional argument, a local the function may
    /// change): when the local holds a list only it holds, the hot loop
    /// pushes `v` itself (`HotStack::append_top_to_list`).
    pub appends_to_local: bool,
}

impl MethodSite {
    pub fn new(name: Arc<str>, call: CallSite, place: Option<u32>) -> MethodSite {
        MethodSite {
            name,
            call,
            place,
            local: None,
            guess: None,
            cache: MethodCache::default(),
            await_shape: None,
            appends_to_local: false,
        }
    }
}

/// A call site's inline cache: the struct type it last called a method on,
/// that method's index in the type's method list and whether the site may
/// enter it directly (a sync method with a read-only `self` and as many
/// parameters as the site passes: checked once, when the entry is made),
/// whether the type is pinned (`StructType::pinned`, which never goes
/// back) and whether it is the site's guess (`MethodSite::guess`), packed
/// in one atomic word (`type id << 32 | direct << 31 | pinned << 30 |
/// guessed << 29 | lends << 28 | index + 1`; 0 is empty), so tasks on any worker
/// read and refresh it without a lock. A site that meets several types
/// just refreshes it; a stale entry can only miss, since ids are unique.
#[derive(Default)]
pub struct MethodCache(std::sync::atomic::AtomicU64);

/// What a `MethodCache` hit says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CachedMethod {
    /// The method's index in its type's method list.
    pub index: usize,
    /// The site may enter it directly.
    pub direct: bool,
    /// Its type is pinned: its frame may borrow the method's closure.
    pub pinned: bool,
    /// Its method is the closure the site's `guess` global holds.
    pub guessed: bool,
    /// Direct, and the site may lend it its receiver with only its Int
    /// parameters to check (`EntryInfo::simple` and `self_borrowable`,
    /// the receiver a local).
    pub lends: bool,
}

impl MethodCache {
    const DIRECT: u32 = 1 << 31;
    const PINNED: u32 = 1 << 30;
    const GUESSED: u32 = 1 << 29;
    const LENDS: u32 = 1 << 28;
    const INDEX: u32 = Self::LENDS - 1;

    /// The entry cached for `type_id`, if it is the one cached.
    #[inline]
    pub fn get(&self, type_id: u32) -> Option<CachedMethod> {
        let packed = self.0.load(std::sync::atomic::Ordering::Relaxed);
        let low = packed as u32;
        let index = low & Self::INDEX;
        ((packed >> 32) as u32 == type_id && index != 0).then(|| CachedMethod {
            index: index as usize - 1,
            direct: low & Self::DIRECT != 0,
            pinned: low & Self::PINNED != 0,
            guessed: low & Self::GUESSED != 0,
            lends: low & Self::LENDS != 0,
        })
    }

    /// Whether the entry cached is `type_id`'s, direct and guessed: the one
    /// test of `self.m(…)` in a frame that knows its `self`'s type (an
    /// entry always has a nonzero index, so no separate test is needed).
    #[inline(always)]
    pub fn guessed_for(&self, type_id: u32) -> bool {
        self.has(type_id, Self::DIRECT | Self::GUESSED)
    }

    /// `guessed_for`, and the entry lends: the one test of the lent-`self`
    /// entry (`Vm::enter_self_method`) besides the arguments' Int checks.
    #[inline(always)]
    pub fn lends_guessed_for(&self, type_id: u32) -> bool {
        self.has(type_id, Self::DIRECT | Self::GUESSED | Self::LENDS)
    }

    #[inline(always)]
    fn has(&self, type_id: u32, flags: u32) -> bool {
        let want = (u64::from(type_id) << 32) | u64::from(flags);
        let mask = (u64::from(u32::MAX) << 32) | u64::from(flags);
        self.0.load(std::sync::atomic::Ordering::Relaxed) & mask == want
    }

    pub fn set(&self, type_id: u32, m: CachedMethod) {
        let index = (m.index as u64 + 1).min(u64::from(Self::INDEX));
        let direct = if m.direct { u64::from(Self::DIRECT) } else { 0 };
        let pinned = if m.pinned { u64::from(Self::PINNED) } else { 0 };
        let guessed = if m.guessed { u64::from(Self::GUESSED) } else { 0 };
        let lends = if m.lends { u64::from(Self::LENDS) } else { 0 };
        let flags = direct | pinned | guessed | lends;
        self.0.store((u64::from(type_id) << 32) | flags | index, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Clone for MethodCache {
    fn clone(&self) -> MethodCache {
        MethodCache(std::sync::atomic::AtomicU64::new(self.0.load(std::sync::atomic::Ordering::Relaxed)))
    }
}

impl std::fmt::Debug for MethodCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MethodCache")
    }
}

/// Where a field access (`Op::GetAttr`, a place's field step) found its
/// field in the last struct type it met: that type's id and the field's
/// index plus one (0: empty). A type's fields never change and ids are
/// unique, so a hit is always right; shared by the threads that run the
/// code, it is read and refreshed without a lock (a stale entry only misses).
#[derive(Default)]
pub struct FieldCache(std::sync::atomic::AtomicU64);

impl FieldCache {
    /// The field's index in a struct of type `type_id`, if cached.
    #[inline(always)]
    pub fn get(&self, type_id: u32) -> Option<usize> {
        let packed = self.0.load(std::sync::atomic::Ordering::Relaxed);
        let plus_one = packed as u32;
        ((packed >> 32) as u32 == type_id && plus_one != 0).then(|| plus_one as usize - 1)
    }

    /// The field of `v` this cache knows: `v` is a struct of the type it met.
    #[inline(always)]
    pub fn field_of<'a>(&self, v: &'a Value) -> Option<&'a Value> {
        let Value::Struct(s) = v else { return None };
        s.fields.get(self.get(s.ty.id)?)
    }

    pub fn set(&self, type_id: u32, index: usize) {
        if let Ok(plus_one) = u32::try_from(index + 1) {
            let packed = (u64::from(type_id) << 32) | u64::from(plus_one);
            self.0.store(packed, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

impl Clone for FieldCache {
    fn clone(&self) -> FieldCache {
        FieldCache(std::sync::atomic::AtomicU64::new(self.0.load(std::sync::atomic::Ordering::Relaxed)))
    }
}

/// A cache is not part of what an instruction means.
impl PartialEq for FieldCache {
    fn eq(&self, _: &FieldCache) -> bool {
        true
    }
}

impl std::fmt::Debug for FieldCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FieldCache")
    }
}

/// Where a place starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlaceRoot {
    Local(u16),
    Global(u32),
}

/// One step of a place path.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaceStep {
    Field(Arc<str>, FieldCache),
    /// The index value comes from the stack (evaluated in path order).
    Index,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub root: PlaceRoot,
    pub steps: Vec<PlaceStep>,
    /// Source text of the place, for messages.
    pub text: String,
    /// Rooted in a `let` binding or a read-only `self`: mutating calls fail.
    pub readonly: bool,
}

impl Place {
    pub fn index_count(&self) -> usize {
        self.steps.iter().filter(|s| matches!(s, PlaceStep::Index)).count()
    }
}

/// How an f-string field is converted and formatted.
#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub repr: bool,
    pub spec: String,
}

/// The receiver convention of a method (`self`, `mut self`, `out self`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SelfKind {
    /// Not a method, or a static method.
    #[default]
    None,
    /// Plain `self`: read-only.
    Read,
    /// `mut`/`inout` self: the caller's place is updated on return.
    Mut,
    /// `out self`: the constructor's receiver.
    Out,
}

/// A nested function to instantiate with `MakeClosure`.
#[derive(Clone, Debug)]
pub struct ClosureSpec {
    pub proto: Arc<FuncProto>,
    pub ndefaults: u32,
    pub ncaptures: u32,
}

/// A struct definition to instantiate with `MakeStruct`.
#[derive(Clone, Debug)]
pub struct StructSpec {
    pub name: String,
    pub fields: Vec<String>,
    pub field_types: Vec<Option<TypeCheck>>,
    /// Number of fields with defaults (their values are on the stack, in order).
    pub defaults: Vec<bool>,
    pub method_names: Vec<String>,
    pub traits: Vec<String>,
}

/// One compiled function (or module body). Aligned to a cache line, as
/// `Closure` is: read by every worker, it must share no line with objects
/// they write.
#[derive(Debug, Default)]
#[repr(align(64))]
pub struct FuncProto {
    pub name: Arc<str>,
    pub file: Arc<str>,
    pub is_async: bool,
    pub code: Vec<Op>,
    /// `spans[i]` is the source span of `code[i]`.
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub names: Vec<Arc<str>>,
    /// `name_caches[i]`: where `GetAttr(i)`/`LoadAttr` found the field
    /// `names[i]` in the struct type they met last.
    pub name_caches: Vec<FieldCache>,
    pub call_sites: Vec<CallSite>,
    pub method_sites: Vec<MethodSite>,
    pub places: Vec<Place>,
    pub closures: Vec<ClosureSpec>,
    pub structs: Vec<StructSpec>,
    pub tests: Vec<PatternTest>,
    pub type_checks: Vec<TypeCheck>,
    pub format_specs: Vec<FormatSpec>,
    pub cmp_jumps: Vec<CmpJump>,
    pub select_sites: Vec<SelectSite>,
    /// The calls compiled inline into this function.
    pub inlined: Vec<InlinedCall>,
    /// The annotated arguments of those calls (`Op::CheckArg`).
    pub arg_checks: Vec<ArgCheck>,
    /// Modules of your own imported by this code (`ImportModule`).
    pub imports: Vec<Arc<crate::compiler::ModuleSpec>>,
    /// Parameter names in order (the `*args` one last when `has_star`).
    pub params: Vec<Arc<str>>,
    pub param_types: Vec<Option<TypeCheck>>,
    pub ret_type: Option<TypeCheck>,
    /// `ret_type` is `Int`: the return fast path tests the value's tag
    /// only (`Vm::return_plain`).
    pub ret_int: bool,
    /// Index of the first parameter with a default; defaults come from the closure.
    pub first_default: usize,
    pub has_star: bool,
    pub self_kind: SelfKind,
    /// No instruction writes slot 0 (no `Store`/`Take` of it, no loop
    /// iterator there, no place rooted there that is not read-only): a
    /// method call may then lend the caller's `self` to the frame without
    /// taking a reference (`FrameKind::BorrowedSelf`). Set by the compiler.
    pub self_borrowable: bool,
    /// Total local slots (parameters, captures, locals, hidden temporaries).
    pub nslots: u16,
    /// Slots where the closure's captured values are placed on entry.
    pub capture_slots: Vec<u16>,
    /// The span of the definition's name (tracebacks of a failed argument check).
    pub def_span: Span,
}

impl FuncProto {
    /// Where the jump at `at` goes, if it is a jump (of any kind; not a
    /// handler's `SetupTry` nor a `select`'s `SelectLocals`).
    pub fn jump_target(&self, at: usize) -> Option<u32> {
        Some(match *self.code.get(at)? {
            Op::Jump(t)
            | Op::JumpIfFalse(t)
            | Op::JumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::DictItemsIter(t)
            | Op::ForUnwrap(t) => t,
            Op::ForIter { target, .. }
            | Op::MatchUnwrap { target, .. }
            | Op::MatchUnwrapLocal { target, .. }
            | Op::JumpIfLendable { target, .. }
            | Op::SelectReady { target, .. } => target,
            Op::CmpJump(i) => self.cmp_jumps.get(i as usize)?.target,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{CachedMethod, MethodCache};

    #[test]
    fn method_cache_holds_one_entry_with_its_verdicts() {
        let cache = MethodCache::default();
        // Empty: every type misses (type id 0 included).
        assert_eq!(cache.get(0), None);
        assert_eq!(cache.get(7), None);
        let m = CachedMethod { index: 0, direct: true, pinned: false, guessed: true, lends: true };
        cache.set(7, m);
        assert_eq!(cache.get(7), Some(m));
        assert_eq!(cache.get(8), None);
        let n = CachedMethod { index: 41, direct: false, pinned: true, guessed: false, lends: false };
        cache.set(8, n);
        assert_eq!(cache.get(8), Some(n));
        assert_eq!(cache.get(7), None);
    }

    #[test]
    fn guessed_for_and_lends_need_the_type_and_every_verdict() {
        let cache = MethodCache::default();
        assert!(!cache.guessed_for(0));
        cache.set(7, CachedMethod { index: 3, direct: true, pinned: true, guessed: true, lends: false });
        assert!(cache.guessed_for(7));
        assert!(!cache.lends_guessed_for(7), "does not lend");
        assert!(!cache.guessed_for(8));
        cache.set(7, CachedMethod { index: 3, direct: true, pinned: true, guessed: false, lends: true });
        assert!(!cache.guessed_for(7));
        cache.set(7, CachedMethod { index: 3, direct: false, pinned: true, guessed: true, lends: true });
        assert!(!cache.guessed_for(7));
        assert!(!cache.lends_guessed_for(7));
        cache.set(7, CachedMethod { index: 3, direct: true, pinned: true, guessed: true, lends: true });
        assert!(cache.lends_guessed_for(7) && cache.guessed_for(7));
        assert!(!cache.lends_guessed_for(6));
        assert_eq!(cache.get(7).map(|m| (m.index, m.lends)), Some((3, true)), "the flag leaves the index alone");
    }
}
