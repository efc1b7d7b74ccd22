//! The per-function compilation state: the code being emitted, block scopes
//! mapping names to slots, captures, and the loop/try nesting that `break`,
//! `continue` and `return` must unwind through.

use crate::bytecode::*;
use crate::value::Value;
use lexer::Span;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct Local {
    pub slot: u16,
    pub mutable: bool,
    pub span: Span,
    /// The struct a `let` binding was initialised with (`let c = C(0)`), so
    /// a `mut self` method called on it is a compile error.
    pub known_struct: Option<String>,
}

/// A captured variable of an enclosing function: the closure's slot for it
/// and the name it has outside.
#[derive(Clone, Debug)]
pub struct Capture {
    pub name: String,
    pub slot: u16,
}

#[derive(Clone, Debug)]
pub enum TryCtx {
    /// Inside a `try` body with `except` handlers: leaving it pops the handler.
    Except,
    /// Inside a `try` body (or its handlers) that has a `finally`: leaving it pops
    /// the handler and runs the finally body.
    Finally(Vec<parser::ast::Stmt>),
    /// Inside a `with` block: leaving it pops the handler and calls the
    /// manager's `__exit__`/`__aexit__` (the manager is in `mgr`).
    With { mgr: u16, is_async: bool },
}

pub struct LoopCtx {
    pub continue_target: u32,
    pub break_jumps: Vec<usize>,
    /// `try_stack` depth when the loop started.
    pub try_depth: usize,
}

pub struct FuncState {
    pub proto: FuncProto,
    pub scopes: Vec<HashMap<String, Local>>,
    pub captures: Vec<Capture>,
    pub is_module: bool,
    pub is_async: bool,
    /// The function's own name (a nested fn that names itself gets `LoadSelf`).
    pub self_name: Option<String>,
    pub loops: Vec<LoopCtx>,
    pub try_stack: Vec<TryCtx>,
    /// Span used for instructions emitted now.
    pub span: Span,
    /// Mutating receiver (`mut self`) or `out self` constructor.
    pub self_kind: SelfKind,
    /// Slot of the caught error inside an `except` body (bare `raise`).
    pub current_exc: Vec<u16>,
}

impl FuncState {
    pub fn new(name: &str, file: Arc<str>, is_module: bool, is_async: bool) -> FuncState {
        FuncState {
            proto: FuncProto { name: name.into(), file, is_async, ..FuncProto::default() },
            scopes: vec![HashMap::new()],
            captures: Vec::new(),
            is_module,
            is_async,
            self_name: None,
            loops: Vec::new(),
            try_stack: Vec::new(),
            span: Span::default(),
            self_kind: SelfKind::None,
            current_exc: Vec::new(),
        }
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.proto.code.push(op);
        self.proto.spans.push(self.span);
        self.proto.code.len() - 1
    }

    pub fn here(&self) -> u32 {
        self.proto.code.len() as u32
    }

    /// Points the jump at `at` to the current position.
    pub fn patch(&mut self, at: usize) {
        let target = self.here();
        self.patch_to(at, target);
    }

    /// Whether some instruction can write slot `slot` (a store, a move out,
    /// a loop's iterator, a write through a place rooted there, and, unless
    /// `methods_keep_it`, a method that may write its receiver back there).
    fn writes_slot(&self, slot: u16, methods_keep_it: bool) -> bool {
        let p = &self.proto;
        let rooted =
            |i: u32| p.places.get(i as usize).is_none_or(|pl| matches!(pl.root, PlaceRoot::Local(s) if s == slot));
        let writable = |i: u32| rooted(i) && p.places.get(i as usize).is_none_or(|pl| !pl.readonly);
        p.code.iter().any(|op| match *op {
            Op::Store(s) | Op::Take(s) | Op::Clear(s) | Op::ListPushLocal(s) | Op::ForIter { slot: s, .. } => s == slot,
            Op::StorePlace(i) => rooted(i),
            Op::CallMethod(i) => {
                !methods_keep_it && p.method_sites.get(i as usize).is_none_or(|s| s.place.is_some_and(writable))
            }
            _ => false,
        })
    }

    /// Sets `self_borrowable`: whether no instruction can write slot 0.
    pub fn note_slot0_writes(&mut self) {
        self.proto.self_borrowable = !self.writes_slot(0, false);
    }

    /// Drops the `CheckArg`s of inlined calls that cannot fail (each
    /// becomes a jump to the next instruction): the argument is a parameter
    /// of this function with the same annotation, checked when the
    /// function was entered, that no instruction writes. A method call
    /// cannot change what such a parameter holds when the annotation names
    /// a type no method changes in place (a handle, a scalar, a String: no
    /// method of theirs writes its receiver back).
    pub fn drop_proven_arg_checks(&mut self) {
        let nparams = self.proto.params.len();
        let proven: Vec<bool> = self
            .proto
            .arg_checks
            .iter()
            .map(|a| {
                let slot = usize::from(a.slot);
                let methods_keep_it = matches!(a.check, TypeCheck::Builtin(b) if b.is_lendable());
                slot < nparams
                    && self.proto.param_types.get(slot).and_then(Option::as_ref) == Some(&a.check)
                    && !self.writes_slot(a.slot, methods_keep_it)
            })
            .collect();
        for (at, op) in self.proto.code.iter_mut().enumerate() {
            if let Op::CheckArg(i) = *op {
                if proven.get(i as usize).copied().unwrap_or(false) {
                    *op = Op::Jump(at as u32 + 1);
                }
            }
        }
    }

    /// Records in each `await x.recv()` / `await x.send(v)` site what
    /// follows its `Await` (`MethodSite::await_shape`), once the code is
    /// final (after `thread_jumps`: the shape holds jump targets).
    pub fn note_await_shapes(&mut self) {
        use crate::chan::{AwaitShape, RecvShape};
        let p = &mut self.proto;
        for at in 0..p.code.len() {
            let (Op::CallMethod(i), Some(Op::Await)) = (p.code[at], p.code.get(at + 1)) else { continue };
            let Some(site) = p.method_sites.get(i as usize) else { continue };
            if !site.call.kwnames.is_empty() || !site.call.stars.is_empty() {
                continue;
            }
            let shape = match (&*site.name, site.call.argc) {
                ("recv" | "__anext__", 0) => AwaitShape::Recv(RecvShape::at(p, at + 1)),
                ("send", 1) => AwaitShape::Send { then_pop: p.code.get(at + 2) == Some(&Op::Pop) },
                _ => continue,
            };
            if let Some(site) = p.method_sites.get_mut(i as usize) {
                site.await_shape = Some(shape);
            }
        }
    }

    /// Jump threading, once the function is complete: a jump whose target
    /// is an unconditional `Jump` goes straight to where that one goes (the
    /// end of a `match` case that is the end of a loop body, a `break` out
    /// of a nested block): one dispatch instead of two or more. A jump
    /// other than `Jump` is only threaded forward, so every backward jump
    /// is still a `Jump` and still counts against the time slice.
    pub fn thread_jumps(&mut self) {
        self.keep_loop_handlers();
        for at in 0..self.proto.code.len() {
            let Some(mut target) = self.proto.jump_target(at) else { continue };
            // Bounded: a cycle of jumps (an empty `while True`) stays as it is.
            for _ in 0..8 {
                match self.proto.code.get(target as usize) {
                    Some(&Op::Jump(next)) if next != target => target = next,
                    _ => break,
                }
            }
            // Only a `Jump` counts a backward jump against the task's time
            // slice: anything else may be threaded forward only.
            let backward = (target as usize) <= at;
            if backward && !matches!(self.proto.code[at], Op::Jump(_)) {
                continue;
            }
            if Some(target) != self.proto.jump_target(at) {
                self.patch_to(at, target);
            }
        }
        self.return_in_place();
    }

    /// A `Jump` to a `Return` returns where it is (`return a if c else b`,
    /// a branch that ends where the function does): one dispatch fewer,
    /// and a `Load(s)` just before it becomes a `ReturnLocal(s)`. The
    /// handler stack is the same at both places (a jump changes none), so
    /// returning early is the same return. Runs after threading, so a
    /// chain of jumps to a `Return` is one jump already.
    fn return_in_place(&mut self) {
        let code = &mut self.proto.code;
        let spans = &mut self.proto.spans;
        for at in 0..code.len() {
            let Op::Jump(t) = code[at] else { continue };
            let t = t as usize;
            if t <= at || !matches!(code.get(t), Some(Op::Return)) {
                continue;
            }
            let span = spans.get(t).copied();
            code[at] = Op::Return;
            if let Some(span) = span {
                if let Some(s) = spans.get_mut(at) {
                    *s = span;
                }
            }
            if let Some(&Op::Load(slot)) = at.checked_sub(1).and_then(|p| code.get(p)) {
                code[at - 1] = Op::ReturnLocal(slot);
                if let (Some(span), Some(s)) = (span, spans.get_mut(at - 1)) {
                    *s = span;
                }
            }
        }
    }

    /// A loop whose body begins with a `try` leaves the try and enters it
    /// again on every pass: `PopTry; Jump(head)` back to `head: SetupTry`.
    /// Installing the same handler at the same stack height again changes
    /// nothing, so such a `PopTry` becomes `Jump(head + 1)`: the handler
    /// stays installed across the back edge. Only a `PopTry` that leaves
    /// that very `try` qualifies: one inside its protected range and in no
    /// nested `try`'s (whose own `PopTry`s come first) — rejecting
    /// conservatively, e.g. a `continue` in a nested `try`'s `else`.
    fn keep_loop_handlers(&mut self) {
        let code = &mut self.proto.code;
        for at in 0..code.len().saturating_sub(1) {
            let (Op::PopTry, Op::Jump(mut head)) = (code[at], code[at + 1]) else { continue };
            // Through the jumps of the statements the `try` ends (`while`).
            for _ in 0..8 {
                match code.get(head as usize) {
                    Some(&Op::Jump(next)) if next != head => head = next,
                    _ => break,
                }
            }
            let head = head as usize;
            let Some(&Op::SetupTry { target, finally: false }) = code.get(head) else { continue };
            if head >= at || at >= target as usize {
                continue;
            }
            let nested =
                code[head + 1..at].iter().any(|op| matches!(op, Op::SetupTry { target: t, .. } if *t as usize > at));
            if !nested {
                code[at] = Op::Jump(head as u32 + 1);
            }
        }
    }

    pub fn patch_to(&mut self, at: usize, target: u32) {
        let op = &mut self.proto.code[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::JumpIfFalse(_) => Op::JumpIfFalse(target),
            Op::JumpIfTrue(_) => Op::JumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter { slot, .. } => Op::ForIter { slot, target },
            Op::ForUnwrap(_) => Op::ForUnwrap(target),
            Op::DictItemsIter(_) => Op::DictItemsIter(target),
            Op::MatchUnwrap { variant, .. } => Op::MatchUnwrap { variant, target },
            Op::MatchUnwrapLocal { slot, variant, .. } => Op::MatchUnwrapLocal { slot, variant, target },
            Op::JumpIfLendable { slot, .. } => Op::JumpIfLendable { slot, target },
            Op::SelectReady { chans, pair, .. } => Op::SelectReady { chans, pair, target },
            Op::SetupTry { finally, .. } => Op::SetupTry { target, finally },
            Op::SelectLocals(i) => {
                if let Some(site) = self.proto.select_sites.get_mut(i as usize) {
                    site.target = target;
                }
                Op::SelectLocals(i)
            }
            Op::CmpJump(i) => {
                if let Some(c) = self.proto.cmp_jumps.get_mut(i as usize) {
                    c.target = target;
                }
                Op::CmpJump(i)
            }
            other => other,
        };
    }

    pub fn new_slot(&mut self) -> u16 {
        let slot = self.proto.nslots;
        self.proto.nslots = self.proto.nslots.saturating_add(1);
        slot
    }

    pub fn declare(&mut self, name: &str, mutable: bool, span: Span) -> u16 {
        let slot = self.new_slot();
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name.to_string(), Local { slot, mutable, span, known_struct: None });
        }
        slot
    }

    /// Declares in the function's outermost scope (implicit `x = …`).
    pub fn declare_function_level(&mut self, name: &str, span: Span) -> u16 {
        let slot = self.new_slot();
        self.scopes[0].insert(name.to_string(), Local { slot, mutable: true, span, known_struct: None });
        slot
    }

    /// Names an existing slot in the innermost scope (an inlined function's
    /// parameter: the hidden slot holding its argument).
    pub fn bind_existing(&mut self, name: &str, slot: u16, span: Span) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name.to_string(), Local { slot, mutable: true, span, known_struct: None });
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Local> {
        self.scopes.iter().rev().find_map(|s| s.get(name))
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    pub fn pop_scope(&mut self) {
        if self.scopes.len() > 1 {
            self.scopes.pop();
        }
    }

    pub fn constant(&mut self, v: Value) -> u32 {
        // Reuse identical scalar/string constants.
        let found = self.proto.consts.iter().position(|c| match (c, &v) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => a == b,
            _ => false,
        });
        match found {
            Some(i) => i as u32,
            None => {
                self.proto.consts.push(v);
                (self.proto.consts.len() - 1) as u32
            }
        }
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.proto.names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        self.proto.names.push(name.into());
        self.proto.name_caches.push(FieldCache::default());
        (self.proto.names.len() - 1) as u32
    }
}

/// Pushes `item` onto a side table and returns its index.
pub fn push<T>(table: &mut Vec<T>, item: T) -> u32 {
    table.push(item);
    (table.len() - 1) as u32
}

#[cfg(test)]
pub(super) mod tests {
    use crate::bytecode::{FuncProto, Op};
    use std::sync::Arc;

    /// Every function compiled from `src`, by name (methods as `Type.name`).
    pub(in crate::compiler) fn protos(src: &str) -> Vec<Arc<FuncProto>> {
        let (tokens, _) = lexer::lex(src);
        let (module, _) = parser::parse_module(&tokens, src.len());
        let (program, diags) = super::super::compile_module(&module.expect("parses"), "t.mojo", src);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        let mut out = Vec::new();
        let mut todo = vec![program.expect("compiles").init];
        while let Some(p) = todo.pop() {
            todo.extend(p.closures.iter().map(|c| c.proto.clone()));
            out.push(p);
        }
        out
    }

    /// The `CheckArg`s left in function `name` compiled from `src`.
    fn arg_checks_left(src: &str, name: &str) -> usize {
        let all = protos(src);
        let p = all.iter().find(|p| &*p.name == name).unwrap_or_else(|| panic!("no function {name}"));
        p.code.iter().filter(|op| matches!(op, Op::CheckArg(_))).count()
    }

    /// An inlined helper's annotated parameter is checked where it is
    /// called, unless the argument is a parameter of the caller with the
    /// same annotation that nothing writes (checked at the caller's entry).
    #[test]
    fn only_arg_checks_that_can_fail_stay() {
        let helper = "async fn next(c: Channel[Int]) -> Optional[Int]:\n    return await c.recv()\n\n";
        let unwritten = format!(
            "{helper}async fn w(c1: Channel[Int]) -> Int:\n    var n = 0\n    while let Some(v) = await next(c1):\n        n += v\n    return n\n"
        );
        assert_eq!(arg_checks_left(&unwritten, "w"), 0);
        let reassigned = format!(
            "{helper}async fn w(c1: Channel[Int], c2: Channel[Int]) -> Int:\n    var n = 0\n    while let Some(v) = await next(c1):\n        n += v\n        c1 = c2\n    return n\n"
        );
        assert_eq!(arg_checks_left(&reassigned, "w"), 1, "c1 is reassigned: its check stays");
        let unannotated = format!(
            "{helper}async fn w(c1) -> Int:\n    var n = 0\n    while let Some(v) = await next(c1):\n        n += v\n    return n\n"
        );
        assert_eq!(arg_checks_left(&unannotated, "w"), 1, "c1 is not known to be a Channel");
        let list = "fn head(xs: List[Int]) -> Int:\n    return xs.pop()\n\nfn w(xs: List[Int]) -> Int:\n    return head(xs) + head(xs)\n";
        assert_eq!(arg_checks_left(list, "w"), 2, "a List's methods may write it back");
    }

    fn borrowable(src: &str, name: &str) -> bool {
        let all = protos(src);
        let names: Vec<&str> = all.iter().map(|p| &*p.name).collect();
        let p = all.iter().find(|p| &*p.name == name).unwrap_or_else(|| panic!("no function {name} in {names:?}"));
        assert!(!p.code.is_empty() && p.code.iter().any(|op| matches!(op, Op::Return)));
        p.self_borrowable
    }

    /// A method may be lent its caller's `self` only when nothing in it can
    /// write slot 0: reads, field reads and read-only calls can; assigning
    /// `self` (alone or in a tuple) and mutating through it cannot.
    #[test]
    fn only_methods_that_never_write_self_may_borrow_it() {
        let src = "struct P:\n    var x: Int\n    var xs: List[Int]\n\
            \n    fn reads(self, n: Int) -> Int:\n        return self.x + len(self.xs) + self.reads2(n)\n\
            \n    fn reads2(self, n: Int) -> Int:\n        return n\n\
            \n    fn rebinds(self) -> Int:\n        self = P(1, [])\n        return self.x\n\
            \n    fn loops(self) -> Int:\n        for self in [P(2, [])]:\n            pass\n        return 0\n\
            \n    fn unpacks(self) -> Int:\n        (self, n) = (P(2, []), 1)\n        return n\n\
            \n    fn mut_append(mut self) -> Int:\n        self.xs.append(1)\n        return 0\n\
            \n    fn mut_set(mut self):\n        self.x = 3\n";
        assert!(borrowable(src, "P.reads"));
        assert!(borrowable(src, "P.reads2"));
        assert!(!borrowable(src, "P.rebinds"));
        // The loop binds a fresh `self` in its own scope (slot 0 is untouched).
        assert!(borrowable(src, "P.loops"));
        assert!(!borrowable(src, "P.unpacks"));
        assert!(!borrowable(src, "P.mut_append"));
        assert!(!borrowable(src, "P.mut_set"));
    }
}
