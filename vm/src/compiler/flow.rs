//! Control flow: conditions (including `if let`), `if`, `while`, `for`,
//! `async for`, loop targets, `break`/`continue`/`return` and the unwinding
//! of the `try`/`with` contexts they leave.

use super::func::{LoopCtx, TryCtx};
use super::Compiler;
use crate::bytecode::*;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Cond, Expr, ExprKind, Stmt};

impl Compiler {
    /// Compiles a condition; returns the jump (to patch) taken when it fails.
    /// `if let` bindings go into the current scope.
    /// A Bool condition (of `if`, `while`, a conditional expression):
    /// returns the jump taken when it is false, for the caller to patch. A
    /// comparison of a local with a small Int is one `CmpJump`.
    pub(crate) fn cond_expr(&mut self, e: &ast::Expr) -> usize {
        if let ast::ExprKind::Compare { first, rest } = &e.kind {
            if let [(op, rhs)] = &rest[..] {
                if !matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                    if let Some((slot, k)) = self.local_and_small_int(first, rhs) {
                        let old = self.set_span(e.span);
                        let c = CmpJump { slot, op: *op, k, target: 0 };
                        let i = super::func::push(&mut self.f().proto.cmp_jumps, c);
                        let at = self.emit(Op::CmpJump(i));
                        self.set_span(old);
                        return at;
                    }
                }
            }
        }
        self.expr(e);
        self.emit(Op::JumpIfFalse(0))
    }

    pub(crate) fn cond(&mut self, cond: &Cond) -> usize {
        match cond {
            Cond::Expr(e) => self.cond_expr(e),
            Cond::Let(p, e) => {
                self.expr(e);
                if let Some(fail) = self.variant_pattern_on_top(p) {
                    return fail;
                }
                let subject = self.f().new_slot();
                self.emit(Op::Store(subject));
                let mut fails = Vec::new();
                self.pattern(p, subject, &mut fails);
                // Join every failure into one jump.
                let ok = self.emit(Op::Jump(0));
                for f in fails {
                    self.f().patch(f);
                }
                let fail = self.emit(Op::Jump(0));
                self.f().patch(ok);
                fail
            }
        }
    }

    pub(crate) fn if_stmt(&mut self, branches: &[(Cond, ast::Block)], else_body: Option<&[Stmt]>) {
        let mut ends = Vec::new();
        for (cond, body) in branches {
            self.f().push_scope();
            let fail = self.cond(cond);
            self.block(body);
            self.f().pop_scope();
            ends.push(self.emit(Op::Jump(0)));
            self.f().patch(fail);
        }
        if let Some(b) = else_body {
            self.scoped_block(b);
        }
        for e in ends {
            self.f().patch(e);
        }
    }

    pub(crate) fn while_stmt(&mut self, cond: &Cond, body: &[Stmt]) {
        let top = self.f().here();
        self.f().push_scope();
        // The loop context covers the condition too: a `while let` binding is
        // written on every iteration.
        let try_depth = self.fr().try_stack.len();
        self.f().loops.push(LoopCtx { continue_target: top, break_jumps: Vec::new(), try_depth });
        // `while True:` tests nothing: the loop ends only by break/return.
        let forever = matches!(cond, Cond::Expr(e) if matches!(e.kind, ast::ExprKind::Bool(true)));
        let exit = if forever { None } else { Some(self.cond(cond)) };
        self.block(body);
        self.emit(Op::Jump(top));
        self.f().pop_scope();
        if let Some(exit) = exit {
            self.f().patch(exit);
        }
        self.end_loop();
    }

    pub(crate) fn end_loop(&mut self) {
        if let Some(l) = self.f().loops.pop() {
            for j in l.break_jumps {
                self.f().patch(j);
            }
        }
    }

    pub(crate) fn for_stmt(&mut self, target: &ast::Pattern, iter: &Expr, body: &[Stmt]) {
        self.for_iterator(iter);
        let slot = self.f().new_slot();
        self.emit(Op::Store(slot));
        let top = self.f().here();
        let next = self.emit(Op::ForIter { slot, target: 0 });
        let unwrap = self.emit(Op::ForUnwrap(0));
        self.for_body(top, target, body);
        self.f().patch(next);
        self.f().patch(unwrap);
        self.end_loop();
    }

    /// Pushes the iterator of a `for` loop over `iter`. `enumerate(xs)` (the
    /// builtin, one argument) and `d.items()` (a receiver that is a variable
    /// or a field of one, so evaluating it twice is harmless, and compiling
    /// it twice reports nothing twice) iterate their
    /// pairs as the loop goes, with no list of tuples made first.
    fn for_iterator(&mut self, iter: &Expr) {
        if let ExprKind::Call { func, args } = &iter.kind {
            if let (ExprKind::Name(n), [arg]) = (&func.kind, &args[..]) {
                if n == "enumerate" && arg.name.is_none() && !arg.star && self.is_builtin_name(n) {
                    self.expr(&arg.value);
                    self.set_span(iter.span);
                    self.emit(Op::GetIterEnumerate);
                    return;
                }
            }
            if let (ExprKind::Attr { obj, name }, []) = (&func.kind, &args[..]) {
                let known_root = name_path_root(obj).is_some_and(|n| self.names_a_variable(n));
                if name.name == "items" && known_root && !self.is_type_name(obj) {
                    self.expr(obj);
                    self.set_span(iter.span);
                    let general = self.emit(Op::DictItemsIter(0));
                    let done = self.emit(Op::Jump(0));
                    self.f().patch(general);
                    self.expr(iter);
                    self.emit(Op::GetIter);
                    self.f().patch(done);
                    return;
                }
            }
        }
        self.expr(iter);
        self.emit(Op::GetIter);
    }

    /// `Unpack` of the `n`-item sequence on the stack into fresh hidden slots,
    /// returned in item order (Unpack leaves the last item on top, so they
    /// are stored right to left).
    pub(crate) fn unpack_to_temps(&mut self, n: usize) -> Vec<u16> {
        self.emit(Op::Unpack(n as u32));
        let mut temps = Vec::with_capacity(n);
        for _ in 0..n {
            let t = self.f().new_slot();
            self.emit(Op::Store(t));
            temps.push(t);
        }
        temps.reverse();
        temps
    }

    /// The part of a `for` / `async for` loop after the next item is on the
    /// stack: bind it to `target`, run `body` in a loop scope, jump back to
    /// `top`. The caller patches its exits and ends the loop.
    fn for_body(&mut self, top: u32, target: &ast::Pattern, body: &[Stmt]) {
        self.f().push_scope();
        let try_depth = self.fr().try_stack.len();
        self.f().loops.push(LoopCtx { continue_target: top, break_jumps: Vec::new(), try_depth });
        self.bind_target(target);
        self.block(body);
        self.emit(Op::Jump(top));
        self.f().pop_scope();
    }

    /// `async for x in it:` — `await it.__anext__()` until it gives `None`.
    pub(crate) fn async_for_stmt(&mut self, target: &ast::Pattern, iter: &Expr, body: &[Stmt], span: Span) {
        if !self.fr().is_async {
            self.diags.push(
                Diagnostic::error(span, "`async for` is only allowed inside an `async fn` or at the top level")
                    .with_help("declare the function `async fn`"),
            );
            return;
        }
        self.expr(iter);
        self.emit(Op::GetAIter);
        let slot = self.f().new_slot();
        self.emit(Op::Store(slot));
        let top = self.f().here();
        let place =
            Place { root: PlaceRoot::Local(slot), steps: Vec::new(), text: "async iterator".into(), readonly: false };
        let place = super::func::push(&mut self.f().proto.places, place);
        let call = CallSite { argc: 0, kwnames: Vec::new(), stars: Vec::new() };
        let site = MethodSite::new("__anext__".into(), call, Some(place));
        let site = super::func::push(&mut self.f().proto.method_sites, site);
        self.emit(Op::CallMethod(site));
        self.emit(Op::Await);
        let unwrap = self.emit(Op::ForUnwrap(0));
        self.for_body(top, target, body);
        self.f().patch(unwrap);
        self.end_loop();
    }

    /// Binds the value on the stack to a `for` target (a name or tuple of names).
    pub(crate) fn bind_target(&mut self, target: &ast::Pattern) {
        match &target.kind {
            ast::PatternKind::Bind(name) => {
                if self.fr().is_module {
                    self.store_new_binding(name, true, target.span);
                } else {
                    let slot = self.f().declare(name, true, target.span);
                    self.emit(Op::Store(slot));
                }
            }
            ast::PatternKind::Wildcard => {
                self.emit(Op::Pop);
            }
            ast::PatternKind::Tuple(items) | ast::PatternKind::List(items) => {
                for (item, t) in items.iter().zip(self.unpack_to_temps(items.len())) {
                    self.emit(Op::Take(t));
                    self.bind_target(item);
                }
            }
            _ => {
                self.error(target.span, "a loop variable must be a name or a tuple of names");
            }
        }
    }

    pub(crate) fn loop_jump(&mut self, is_break: bool, span: Span) {
        let Some(depth) = self.fr().loops.last().map(|l| l.try_depth) else {
            let what = if is_break { "break" } else { "continue" };
            self.error(span, format!("`{what}` outside a loop"));
            return;
        };
        self.unwind_tries(depth);
        if is_break {
            let j = self.emit(Op::Jump(0));
            if let Some(l) = self.f().loops.last_mut() {
                l.break_jumps.push(j);
            }
        } else {
            let target = self.fr().loops.last().map(|l| l.continue_target).unwrap_or(0);
            self.emit(Op::Jump(target));
        }
    }

    /// Emits the exits of every `try` context above `depth`: pops handlers and
    /// runs `finally` bodies inline, innermost first.
    pub(crate) fn unwind_tries(&mut self, depth: usize) {
        let ctxs: Vec<TryCtx> = self.fr().try_stack[depth..].to_vec();
        for (i, ctx) in ctxs.iter().enumerate().rev() {
            self.emit(Op::PopTry);
            match ctx {
                TryCtx::Finally(body) => {
                    // The finally body runs outside its own try context.
                    let saved = self.f().try_stack.split_off(depth + i);
                    self.scoped_block(body);
                    self.f().try_stack.extend(saved);
                }
                TryCtx::With { mgr, is_async } => {
                    let saved = self.f().try_stack.split_off(depth + i);
                    self.emit(Op::None);
                    self.exit_manager(*mgr, *is_async);
                    self.f().try_stack.extend(saved);
                }
                TryCtx::Except => {}
            }
        }
    }

    pub(crate) fn return_stmt(&mut self, value: Option<&Expr>, span: Span) {
        if self.fr().is_module {
            self.error(span, "`return` outside a function");
            return;
        }
        let start = self.f().here();
        match value {
            Some(v) => self.expr(v),
            None => {
                self.emit(Op::None);
            }
        }
        if self.fr().try_stack.is_empty() && self.f().here() == start + 1 {
            // `return x` of a local: one instruction, with the statement's span.
            let f = self.f();
            let last = start as usize;
            if let (Some(Op::Load(s)), Some(span)) = (f.proto.code.get(last).copied(), f.proto.spans.get_mut(last)) {
                *span = f.span;
                f.proto.code[last] = Op::ReturnLocal(s);
                return;
            }
        }
        if !self.fr().try_stack.is_empty() {
            let tmp = self.f().new_slot();
            self.emit(Op::Store(tmp));
            self.unwind_tries(0);
            self.emit(Op::Take(tmp));
        }
        self.emit(Op::Return);
    }
}

/// The root name of `a`, `a.b`, `a.b.c`: reading such a path has no effect
/// and gives the same value twice. None for any other expression.
fn name_path_root(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr { obj, .. } => name_path_root(obj),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    fn errors(src: &str) -> usize {
        let (_, diags) = crate::compile_source("t.mojo", src);
        diags.iter().filter(|d| d.is_error()).count()
    }

    #[test]
    fn a_pair_loop_over_an_unknown_receiver_reports_it_once() {
        assert_eq!(errors("fn main():\n    for k, v in nope.items():\n        print(k)\n"), 1);
        assert_eq!(errors("fn main():\n    for i, x in enumerate(nope):\n        print(i)\n"), 1);
        assert_eq!(errors("fn main():\n    let d = {1: 2}\n    for k, v in d.items():\n        print(k, v)\n"), 0);
    }
}
