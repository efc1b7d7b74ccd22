//! Pattern matching (LANGUAGE.md §7): each pattern compiles to tests on a
//! subject held in a local slot; a failed test jumps to the next case, and
//! names are bound as the tests succeed.

use super::func::push;
use super::Compiler;
use crate::bytecode::*;
use lexer::Span;
use parser::ast::{Pattern, PatternKind};

/// Every name a pattern binds, in order.
pub fn bound_names(p: &Pattern) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    collect(p, &mut out);
    out
}

fn collect(p: &Pattern, out: &mut Vec<(String, Span)>) {
    match &p.kind {
        PatternKind::Bind(n) => out.push((n.clone(), p.span)),
        PatternKind::Star(Some(n)) => out.push((n.clone(), p.span)),
        PatternKind::Tuple(items) | PatternKind::List(items) => items.iter().for_each(|i| collect(i, out)),
        PatternKind::Ctor { args: Some(args), .. } => args.iter().for_each(|i| collect(i, out)),
        PatternKind::Or(alts) => {
            if let Some(first) = alts.first() {
                collect(first, out)
            }
        }
        _ => {}
    }
}

impl Compiler {
    /// Tests the value in `subject` against `p`, binding names; every jump
    /// taken on failure is added to `fails` for the caller to patch.
    pub(crate) fn pattern(&mut self, p: &Pattern, subject: u16, fails: &mut Vec<usize>) {
        let old = self.set_span(p.span);
        match &p.kind {
            PatternKind::Wildcard => {}
            PatternKind::Bind(name) => {
                self.emit(Op::Load(subject));
                self.bind_pattern_name(name, p.span);
            }
            PatternKind::Literal(e) => {
                if let parser::ast::ExprKind::Int(k) = e.kind {
                    if let Ok(k) = i32::try_from(k) {
                        // `case 0:` is one fused compare-and-jump on the slot.
                        let c = CmpJump { slot: subject, op: parser::ast::CmpOp::Eq, k, target: 0 };
                        let i = push(&mut self.f().proto.cmp_jumps, c);
                        fails.push(self.emit(Op::CmpJump(i)));
                        self.set_span(old);
                        return;
                    }
                }
                self.emit(Op::Load(subject));
                self.expr(e);
                self.emit(Op::Compare(parser::ast::CmpOp::Eq));
                fails.push(self.emit(Op::JumpIfFalse(0)));
            }
            PatternKind::None => self.test(subject, PatternTest::None, fails),
            PatternKind::Tuple(items) => self.sequence_pattern(items, subject, fails, true),
            PatternKind::List(items) => self.sequence_pattern(items, subject, fails, false),
            PatternKind::Star(_) => {
                self.error(p.span, "`*rest` is only allowed inside a list pattern");
            }
            PatternKind::Ctor { args: Some(args), path }
                if args.len() == 1 && path.last().is_some_and(|n| Variant::named(&n.name).is_some()) =>
            {
                // `Some(p)`, `Ok(p)`, `Err(p)`: one `MatchUnwrapLocal`.
                fails.extend(self.variant_pattern(p, Some(subject)));
            }
            PatternKind::Ctor { path, args } => self.ctor_pattern(path, args.as_deref(), subject, fails, p.span),
            PatternKind::Or(alts) => {
                let mut ok_jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    let mut alt_fails = Vec::new();
                    self.pattern(alt, subject, &mut alt_fails);
                    if i + 1 == alts.len() {
                        fails.extend(alt_fails);
                    } else {
                        ok_jumps.push(self.emit(Op::Jump(0)));
                        for f in alt_fails {
                            self.f().patch(f);
                        }
                    }
                }
                for j in ok_jumps {
                    self.f().patch(j);
                }
            }
        }
        self.set_span(old);
    }

    /// `Some(inner)`, `Ok(inner)` or `Err(inner)` tested against the value on
    /// top of the stack: one `MatchUnwrap`, then `inner` on the unwrapped
    /// value. Returns the jump taken on failure (for the caller to patch),
    /// or None, emitting nothing, when `p` is some other pattern.
    pub(crate) fn variant_pattern_on_top(&mut self, p: &Pattern) -> Option<usize> {
        self.variant_pattern(p, None)
    }

    /// `variant_pattern_on_top`, or with `from`, the same test on the value
    /// in that slot (which stays there).
    fn variant_pattern(&mut self, p: &Pattern, from: Option<u16>) -> Option<usize> {
        let PatternKind::Ctor { path, args: Some(args) } = &p.kind else { return None };
        let [inner] = args.as_slice() else { return None };
        let variant = Variant::named(&path.last()?.name)?;
        let old = self.set_span(p.span);
        let at = match from {
            Some(slot) => self.emit(Op::MatchUnwrapLocal { slot, variant, target: 0 }),
            None => self.emit(Op::MatchUnwrap { variant, target: 0 }),
        };
        let fail = match &inner.kind {
            PatternKind::Wildcard => {
                self.emit(Op::Pop);
                at
            }
            PatternKind::Bind(name) => {
                self.bind_pattern_name(name, inner.span);
                at
            }
            _ => {
                let sub = self.f().new_slot();
                self.emit(Op::Store(sub));
                let mut fails = Vec::new();
                self.pattern(inner, sub, &mut fails);
                // Join the unwrap's failure and the inner pattern's into one jump.
                let ok = self.emit(Op::Jump(0));
                self.f().patch(at);
                for f in fails {
                    self.f().patch(f);
                }
                let fail = self.emit(Op::Jump(0));
                self.f().patch(ok);
                fail
            }
        };
        self.set_span(old);
        Some(fail)
    }

    fn bind_pattern_name(&mut self, name: &str, span: Span) {
        if self.fr().is_module {
            self.store_new_binding(name, true, span);
        } else {
            let slot = self.f().declare(name, true, span);
            self.emit(Op::Store(slot));
        }
    }

    fn test(&mut self, subject: u16, t: PatternTest, fails: &mut Vec<usize>) {
        self.emit(Op::Load(subject));
        let idx = push(&mut self.f().proto.tests, t);
        self.emit(Op::Test(idx));
        fails.push(self.emit(Op::JumpIfFalse(0)));
    }

    /// Loads `subject`, applies `op`, and keeps the result in a new slot.
    fn sub_subject(&mut self, subject: u16, op: Op) -> u16 {
        self.emit(Op::Load(subject));
        self.emit(op);
        let slot = self.f().new_slot();
        self.emit(Op::Store(slot));
        slot
    }

    fn sequence_pattern(&mut self, items: &[Pattern], subject: u16, fails: &mut Vec<usize>, tuple: bool) {
        let star = items.iter().position(|i| matches!(i.kind, PatternKind::Star(_)));
        let fixed = items.len() - star.map_or(0, |_| 1);
        let test = if tuple {
            PatternTest::Seq { len: fixed as u32, at_least: star.is_some() }
        } else {
            PatternTest::List { len: fixed as u32, at_least: star.is_some() }
        };
        self.test(subject, test, fails);
        for (i, item) in items.iter().enumerate() {
            match (&item.kind, star) {
                (PatternKind::Star(name), _) => {
                    let from_end = (items.len() - i - 1) as u16;
                    if let Some(n) = name {
                        self.emit(Op::Load(subject));
                        self.emit(Op::SliceRest { from: i as u16, from_end });
                        self.bind_pattern_name(n, item.span);
                    }
                }
                (PatternKind::Wildcard, _) => {}
                (_, Some(s)) if i > s => {
                    // After the star: index from the end.
                    let back = (items.len() - i) as i32;
                    self.emit(Op::Load(subject));
                    self.emit(Op::SmallInt(-back));
                    self.emit(Op::Index);
                    let sub = self.f().new_slot();
                    self.emit(Op::Store(sub));
                    self.pattern(item, sub, fails);
                }
                _ => {
                    let sub = self.sub_subject(subject, Op::GetItem(i as u32));
                    self.pattern(item, sub, fails);
                }
            }
        }
    }

    fn ctor_pattern(
        &mut self,
        path: &[parser::ast::Ident],
        args: Option<&[Pattern]>,
        subject: u16,
        fails: &mut Vec<usize>,
        span: Span,
    ) {
        let Some(last) = path.last() else { return };
        let name = last.name.as_str();
        let variant = match name {
            "Some" => Some(PatternTest::Some),
            "Ok" => Some(PatternTest::Ok),
            "Err" => Some(PatternTest::Err),
            _ => None,
        };
        if let Some(v) = variant {
            self.test(subject, v, fails);
            match args {
                Some([inner]) => {
                    let sub = self.sub_subject(subject, Op::Unwrap);
                    self.pattern(inner, sub, fails);
                }
                Some(_) => {
                    self.error(span, format!("`{name}(…)` takes exactly one pattern"));
                }
                None => {}
            }
            return;
        }
        // A type or error kind: test the type, then positional fields.
        self.emit(Op::Load(subject));
        self.name_load(name, last.span);
        self.emit(Op::IsInstance);
        fails.push(self.emit(Op::JumpIfFalse(0)));
        if let Some(args) = args {
            if let Some(info) = self.structs.get(name) {
                if args.len() > info.fields.len() {
                    let n = info.fields.len();
                    self.error(
                        span,
                        format!(
                            "struct `{name}` has {n} field{} but the pattern has {}",
                            if n == 1 { "" } else { "s" },
                            args.len()
                        ),
                    );
                    return;
                }
            }
            for (i, a) in args.iter().enumerate() {
                if matches!(a.kind, PatternKind::Wildcard) {
                    continue;
                }
                let sub = self.sub_subject(subject, Op::GetItem(i as u32));
                self.pattern(a, sub, fails);
            }
        }
    }
}
