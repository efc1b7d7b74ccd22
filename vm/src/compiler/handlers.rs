//! Statements that install handlers: `try`/`except`/`else`/`finally`,
//! `with`/`async with`, and `match` (whose failure raises MatchError).

use super::func::TryCtx;
use super::Compiler;
use crate::bytecode::*;
use lexer::{Diagnostic, Span};
use parser::ast::{self, Expr, ExprKind, PatternKind, Stmt};

impl Compiler {
    pub(crate) fn with_stmt(&mut self, is_async: bool, items: &[ast::WithItem], body: &[Stmt], span: Span) {
        if is_async && !self.fr().is_async {
            self.diags.push(
                Diagnostic::error(span, "`async with` is only allowed inside an `async fn` or at the top level")
                    .with_help("declare the function `async fn`"),
            );
            return;
        }
        self.with_items(is_async, items, body);
    }

    /// `with a as x, b:` is `with a as x:` around `with b:`.
    pub(crate) fn with_items(&mut self, is_async: bool, items: &[ast::WithItem], body: &[Stmt]) {
        let Some((first, rest)) = items.split_first() else {
            self.scoped_block(body);
            return;
        };
        self.expr(&first.expr);
        let mgr = self.f().new_slot();
        self.emit(Op::Store(mgr));
        self.call_on_slot(mgr, if is_async { "__aenter__" } else { "__enter__" }, 0);
        if is_async {
            self.emit(Op::Await);
        }
        self.f().push_scope();
        match &first.name {
            Some(n) => {
                if self.fr().is_module {
                    self.store_new_binding(&n.name, true, n.span);
                } else {
                    let slot = self.f().declare(&n.name, true, n.span);
                    self.emit(Op::Store(slot));
                }
            }
            None => {
                self.emit(Op::Pop);
            }
        }
        let setup = self.emit(Op::SetupTry { target: 0, finally: true });
        self.f().try_stack.push(TryCtx::With { mgr, is_async });
        self.with_items(is_async, rest, body);
        self.f().try_stack.pop();
        self.emit(Op::PopTry);
        self.emit(Op::None);
        self.exit_manager(mgr, is_async);
        let done = self.emit(Op::Jump(0));
        self.f().patch(setup);
        // The block raised (or panicked): exit with the error, then re-raise it.
        let err = self.f().new_slot();
        self.emit(Op::Store(err));
        self.emit(Op::Load(err));
        self.exit_manager(mgr, is_async);
        self.emit(Op::Load(err));
        self.emit(Op::Reraise);
        self.f().patch(done);
        self.f().pop_scope();
    }

    /// Calls `__exit__`/`__aexit__` on the manager in `mgr` with the value on
    /// the stack (the error, or None) and discards the result.
    pub(crate) fn exit_manager(&mut self, mgr: u16, is_async: bool) {
        self.call_on_slot(mgr, if is_async { "__aexit__" } else { "__exit__" }, 1);
        if is_async {
            self.emit(Op::Await);
        }
        self.emit(Op::Pop);
    }

    /// `slot.name(args)` with the `argc` arguments already on the stack; a
    /// `mut self` method updates the slot.
    pub(crate) fn call_on_slot(&mut self, slot: u16, name: &str, argc: u32) {
        let place =
            Place { root: PlaceRoot::Local(slot), steps: Vec::new(), text: "context manager".into(), readonly: false };
        let place = super::func::push(&mut self.f().proto.places, place);
        let call = CallSite { argc, kwnames: Vec::new(), stars: Vec::new() };
        let site = MethodSite::new(name.into(), call, Some(place));
        let site = super::func::push(&mut self.f().proto.method_sites, site);
        self.emit(Op::CallMethod(site));
    }

    pub(crate) fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::Handler],
        else_body: Option<&[Stmt]>,
        finally_body: Option<&[Stmt]>,
    ) {
        let finally_setup = finally_body.map(|fb| {
            let at = self.emit(Op::SetupTry { target: 0, finally: true });
            self.f().try_stack.push(TryCtx::Finally(fb.to_vec()));
            at
        });
        if handlers.is_empty() {
            self.scoped_block(body);
            if let Some(e) = else_body {
                self.scoped_block(e);
            }
        } else {
            let setup = self.emit(Op::SetupTry { target: 0, finally: false });
            self.f().try_stack.push(TryCtx::Except);
            self.scoped_block(body);
            self.f().try_stack.pop();
            self.emit(Op::PopTry);
            if let Some(e) = else_body {
                self.scoped_block(e);
            }
            let done = self.emit(Op::Jump(0));
            self.f().patch(setup);
            self.handlers(handlers);
            self.f().patch(done);
        }
        if let (Some(at), Some(fb)) = (finally_setup, finally_body) {
            self.f().try_stack.pop();
            self.emit(Op::PopTry);
            self.scoped_block(fb);
            let done = self.emit(Op::Jump(0));
            self.f().patch(at);
            // Reached with the thrown error (or panic) on the stack.
            let slot = self.f().new_slot();
            self.emit(Op::Store(slot));
            self.scoped_block(fb);
            self.emit(Op::Load(slot));
            self.emit(Op::Reraise);
            self.f().patch(done);
        }
    }

    /// The `except` clauses, entered with the error on the stack.
    pub(crate) fn handlers(&mut self, handlers: &[ast::Handler]) {
        let exc = self.f().new_slot();
        self.emit(Op::Store(exc));
        let mut ends = Vec::new();
        for h in handlers {
            let old = self.set_span(h.span);
            self.f().push_scope();
            // `except Kind [as e]`, `except e` (catch-all binding), `except:`.
            let (kind, binding) = match (&h.ty, &h.name) {
                (Some(t), Some(n)) => (Some(t), Some(n)),
                (Some(t), None) if self.is_error_type_name(&t.name) => (Some(t), None),
                (Some(t), None) => (None, Some(t)),
                (None, n) => (None, n.as_ref()),
            };
            let mut skip = None;
            if let Some(k) = kind {
                self.emit(Op::Load(exc));
                self.name_load(&k.name, k.span);
                self.emit(Op::ExcMatch);
                skip = Some(self.emit(Op::JumpIfFalse(0)));
            }
            if let Some(b) = binding {
                self.emit(Op::Load(exc));
                let slot = if self.fr().is_module {
                    self.store_new_binding(&b.name, true, b.span);
                    None
                } else {
                    Some(self.f().declare(&b.name, true, b.span))
                };
                if let Some(slot) = slot {
                    self.emit(Op::Store(slot));
                }
            }
            self.f().current_exc.push(exc);
            self.block(&h.body);
            self.f().current_exc.pop();
            self.f().pop_scope();
            ends.push(self.emit(Op::Jump(0)));
            if let Some(s) = skip {
                self.f().patch(s);
            }
            self.set_span(old);
        }
        // No clause matched: the error continues outward.
        self.emit(Op::Load(exc));
        self.emit(Op::Reraise);
        for e in ends {
            self.f().patch(e);
        }
    }

    pub(crate) fn is_error_type_name(&self, name: &str) -> bool {
        crate::types::is_error_kind(name)
            || self.structs.contains_key(name)
            || name.chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub(crate) fn match_stmt(&mut self, subject: &Expr, cases: &[ast::MatchCase]) {
        if let Some(slots) = self.unpacked_subject(subject) {
            return self.match_unpacked(&slots, cases);
        }
        // A local variable is tested where it is (nothing can change it
        // before a case matches); anything else is evaluated into a slot.
        let local = match &subject.kind {
            ExprKind::Name(n) if !self.fr().is_module => self.fr().lookup(n).map(|l| l.slot),
            _ => None,
        };
        let slot = match local {
            Some(slot) => slot,
            None => {
                self.expr(subject);
                let slot = self.f().new_slot();
                self.emit(Op::Store(slot));
                slot
            }
        };
        let mut ends = Vec::new();
        for case in cases {
            let old = self.set_span(case.span);
            self.f().push_scope();
            let mut fails = Vec::new();
            self.pattern(&case.pattern, slot, &mut fails);
            self.case_body(case, fails, &mut ends);
            self.set_span(old);
        }
        self.emit(Op::MatchFail(slot));
        for e in ends {
            self.f().patch(e);
        }
    }

    /// A case's guard and body once its pattern's tests are emitted; the
    /// pattern's failures go to the next case.
    fn case_body(&mut self, case: &ast::MatchCase, mut fails: Vec<usize>, ends: &mut Vec<usize>) {
        if let Some(g) = &case.guard {
            fails.push(self.cond_expr(g));
        }
        self.block(&case.body);
        self.f().pop_scope();
        ends.push(self.emit(Op::Jump(0)));
        for f in fails {
            self.f().patch(f);
        }
    }

    /// A subject that is a tuple by construction — a tuple literal
    /// `(a, b)`, or `await select(…)`'s `(index, value)` — evaluated into
    /// one slot per item without building the tuple. None, emitting
    /// nothing, for any other subject.
    fn unpacked_subject(&mut self, subject: &Expr) -> Option<Vec<u16>> {
        let n = match &subject.kind {
            ExprKind::Tuple(items)
                if items.len() >= 2 && !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) =>
            {
                for i in items {
                    self.expr(i);
                }
                items.len()
            }
            ExprKind::Await(inner) if self.fr().is_async && self.builtin_select_arg(inner).is_some() => {
                self.select_of_builtin(inner, subject.span, true);
                2
            }
            _ => return None,
        };
        let slots: Vec<u16> = (0..n).map(|_| self.f().new_slot()).collect();
        for &s in slots.iter().rev() {
            self.emit(Op::Store(s));
        }
        Some(slots)
    }

    /// `match` on a subject held as its items in `slots`: a tuple pattern
    /// of the same length tests each item in its slot; any other pattern
    /// (and the MatchError) sees the tuple, built for that case only.
    fn match_unpacked(&mut self, slots: &[u16], cases: &[ast::MatchCase]) {
        let mut whole: Option<u16> = None;
        let mut ends = Vec::new();
        for case in cases {
            let old = self.set_span(case.span);
            self.f().push_scope();
            let mut fails = Vec::new();
            match &case.pattern.kind {
                PatternKind::Tuple(items)
                    if items.len() == slots.len() && !items.iter().any(|i| matches!(i.kind, PatternKind::Star(_))) =>
                {
                    for (item, &slot) in items.iter().zip(slots) {
                        match &item.kind {
                            // The item's slot is the name's: nothing reads
                            // it once a case's body runs (closures copy).
                            PatternKind::Bind(name) if !self.fr().is_module => {
                                self.f().bind_existing(name, slot, item.span)
                            }
                            _ => self.pattern(item, slot, &mut fails),
                        }
                    }
                }
                PatternKind::Wildcard => {}
                _ => {
                    let tuple = self.build_unpacked(slots, &mut whole);
                    self.pattern(&case.pattern, tuple, &mut fails);
                }
            }
            self.case_body(case, fails, &mut ends);
            self.set_span(old);
        }
        let tuple = self.build_unpacked(slots, &mut whole);
        self.emit(Op::MatchFail(tuple));
        for e in ends {
            self.f().patch(e);
        }
    }

    /// Builds the tuple of the items in `slots` into a slot (one slot
    /// shared by every case that needs it) and returns that slot.
    fn build_unpacked(&mut self, slots: &[u16], whole: &mut Option<u16>) -> u16 {
        for &s in slots {
            self.emit(Op::Load(s));
        }
        self.emit(Op::BuildTuple(slots.len() as u32));
        let tuple = *whole.get_or_insert_with(|| self.f().new_slot());
        self.emit(Op::Store(tuple));
        tuple
    }
}
