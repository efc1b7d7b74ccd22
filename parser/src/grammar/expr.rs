//! Expressions, by precedence from lowest to highest: ternary, `or`, `and`,
//! `not`, comparisons (chained, `in`, `not in`), ranges `..`/`..=`, `|`, `^`,
//! `&`, shifts, `+ -`, `* / // %`, unary `- + ~`, `**`, `await`, postfix
//! (calls, `.attr`, `::name`, indexing/slices, `?`), atoms. Prefix operators,
//! `**`, `not` and ternaries are parsed iteratively and folded, so only
//! brackets make the parser recurse.

use super::{ident, q, sp, t, Ex, In, PB};
use crate::ast::{Arg, BinOp, CmpOp, Expr, ExprKind, Pattern, UnaryOp};
use crate::grammar::atoms::{atom, Element};
use crate::tokens::Tk;
use chumsky::prelude::*;
use chumsky::recursive::Indirect;
use lexer::{Span, Token};

/// The expression parsers other rules need.
#[derive(Clone)]
pub(crate) struct Exprs<'a> {
    /// A full expression (ternary included), no bare tuple.
    pub expr: PB<'a, Expr>,
    /// An expression or a bare tuple `a, b` (statements, `return`, …).
    pub list: PB<'a, Expr>,
}

pub(crate) fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

fn binary(op: BinOp, l: Expr, r: Expr) -> Expr {
    let span = l.span.to(r.span);
    mk(ExprKind::Binary { op, lhs: Box::new(l), rhs: Box::new(r) }, span)
}

/// One left-associative binary precedence level.
fn level<'a>(lower: PB<'a, Expr>, ops: impl Parser<'a, In<'a>, BinOp, Ex<'a>> + Clone + 'a) -> PB<'a, Expr> {
    lower.clone().foldl(ops.then(lower).repeated(), |l, (op, r)| binary(op, l, r)).boxed()
}

fn op<'a>(tok: Token, op: BinOp) -> impl Parser<'a, In<'a>, BinOp, Ex<'a>> + Clone {
    q(tok).to(op)
}

/// `e` or `e1, e2, …` (a tuple when a comma is present).
pub(crate) fn bare_list<'a>(item: PB<'a, Expr>) -> PB<'a, Expr> {
    item.clone()
        .then(q(Token::Comma).ignore_then(item).repeated().collect::<Vec<_>>())
        .then(q(Token::Comma).or_not())
        .map_with(|((first, rest), comma), e| {
            if rest.is_empty() && comma.is_none() {
                first
            } else {
                let mut all = vec![first];
                all.extend(rest);
                mk(ExprKind::Tuple(all), sp(e.span()))
            }
        })
        .boxed()
}

/// Applies `await` to the result of a postfix chain, keeping the chain's own
/// trailing `?`s outside: `await f()?` is `Try(Await(f()))`.
fn apply_await(mut e: Expr, trailing_tries: usize, await_span: Span) -> Expr {
    let mut try_spans = Vec::new();
    for _ in 0..trailing_tries {
        match e.kind {
            ExprKind::Try(inner) => {
                try_spans.push(e.span);
                e = *inner;
            }
            kind => {
                e = Expr { kind, span: e.span };
                break;
            }
        }
    }
    let span = await_span.to(e.span);
    let mut out = mk(ExprKind::Await(Box::new(e)), span);
    for s in try_spans.into_iter().rev() {
        let span = await_span.to(s);
        out = mk(ExprKind::Try(Box::new(out)), span);
    }
    out
}

fn apply_prefixes(prefixes: &[(UnaryOp, Span)], mut e: Expr) -> Expr {
    for (op, s) in prefixes.iter().rev() {
        let span = s.to(e.span);
        e = mk(ExprKind::Unary { op: *op, expr: Box::new(e) }, span);
    }
    e
}

/// `prefix* await* postfix`: the operand of `**`.
fn element_value(el: Element) -> Expr {
    let mut e = el.base;
    let mut tries = el.trailing_tries;
    for s in el.awaits.iter().rev() {
        e = apply_await(e, tries, *s);
        tries = 0;
    }
    e
}

/// Folds `el0 ** el1 ** el2` right-associatively; each element's prefix
/// operators apply to the whole power to its right (`-2**2` is `-(2**2)`).
fn fold_power(first: Element, rest: Vec<Element>) -> Expr {
    let mut els = vec![first];
    els.extend(rest);
    let mut acc: Option<Expr> = None;
    while let Some(mut el) = els.pop() {
        let prefixes = std::mem::take(&mut el.prefixes);
        let v = element_value(el);
        let v = match acc.take() {
            None => v,
            Some(rhs) => binary(BinOp::Pow, v, rhs),
        };
        acc = Some(apply_prefixes(&prefixes, v));
    }
    acc.unwrap_or_else(|| mk(ExprKind::None, Span::default()))
}

pub(crate) fn exprs<'a>(target: PB<'a, Pattern>) -> Exprs<'a> {
    let mut expr: Recursive<Indirect<'a, 'a, In<'a>, Expr, Ex<'a>>> = Recursive::declare();
    let mut or_decl: Recursive<Indirect<'a, 'a, In<'a>, Expr, Ex<'a>>> = Recursive::declare();
    let expr_b = expr.clone().boxed();
    let list_b = bare_list(expr_b.clone());
    let or_b = or_decl.clone().boxed();

    let element = atom(expr_b.clone(), list_b.clone(), or_b.clone(), target);

    let power = element
        .clone()
        .then(q(Token::StarStar).ignore_then(element).repeated().collect::<Vec<_>>())
        .map(|(first, rest)| fold_power(first, rest))
        .boxed();

    let mul = level(
        power,
        choice((
            op(Token::Star, BinOp::Mul),
            op(Token::Slash, BinOp::Div),
            op(Token::SlashSlash, BinOp::FloorDiv),
            op(Token::Percent, BinOp::Mod),
        )),
    );
    let add = level(mul, choice((op(Token::Plus, BinOp::Add), op(Token::Minus, BinOp::Sub))));
    let shift = level(add, choice((op(Token::Shl, BinOp::Shl), op(Token::Shr, BinOp::Shr))));
    let band = level(shift, op(Token::Amp, BinOp::BitAnd));
    let bxor = level(band, op(Token::Caret, BinOp::BitXor));
    let bor = level(bxor, op(Token::Pipe, BinOp::BitOr));

    let range = bor
        .clone()
        .then(choice((q(Token::DotDotEq).to(true), q(Token::DotDot).to(false))).then(bor).or_not())
        .map(|(lo, hi)| match hi {
            None => lo,
            Some((inclusive, hi)) => {
                let span = lo.span.to(hi.span);
                mk(ExprKind::Range { lo: Box::new(lo), hi: Box::new(hi), inclusive }, span)
            }
        })
        .boxed();

    let cmp_op = choice((
        select! {
            Tk::T(Token::EqEq) => CmpOp::Eq,
            Tk::T(Token::NotEq) => CmpOp::NotEq,
            Tk::T(Token::LtEq) => CmpOp::LtEq,
            Tk::T(Token::GtEq) => CmpOp::GtEq,
            Tk::T(Token::Lt) => CmpOp::Lt,
            Tk::T(Token::Gt) => CmpOp::Gt,
            Tk::T(Token::In) => CmpOp::In,
        },
        q(Token::Not).then(q(Token::In)).to(CmpOp::NotIn),
    ));
    let compare = range
        .clone()
        .then(cmp_op.then(range).repeated().collect::<Vec<_>>())
        .map(|(first, rest)| {
            if rest.is_empty() {
                first
            } else {
                let hi = rest.last().map(|(_, e)| e.span).unwrap_or(first.span);
                let span = first.span.to(hi);
                mk(ExprKind::Compare { first: Box::new(first), rest }, span)
            }
        })
        .boxed();

    let not = q(Token::Not)
        .map_with(|_, e| sp(e.span()))
        .repeated()
        .collect::<Vec<_>>()
        .then(compare)
        .map(|(nots, e)| {
            let prefixes: Vec<_> = nots.into_iter().map(|s| (UnaryOp::Not, s)).collect();
            apply_prefixes(&prefixes, e)
        })
        .boxed();

    let and = not
        .clone()
        .foldl(q(Token::And).ignore_then(not).repeated(), |l, r| {
            let span = l.span.to(r.span);
            mk(ExprKind::And(Box::new(l), Box::new(r)), span)
        })
        .boxed();
    let or = and
        .clone()
        .foldl(q(Token::Or).ignore_then(and).repeated(), |l, r| {
            let span = l.span.to(r.span);
            mk(ExprKind::Or(Box::new(l), Box::new(r)), span)
        })
        .boxed();
    or_decl.define(or.clone());

    // `a if c else b if d else e` is `a if c else (b if d else e)`.
    let ternary = or
        .clone()
        .then(q(Token::If).ignore_then(or.clone()).then_ignore(t(Token::Else)).then(or).repeated().collect::<Vec<_>>())
        .map(|(first, rest)| {
            let mut values = vec![first];
            let mut conds = Vec::new();
            for (c, v) in rest {
                conds.push(c);
                values.push(v);
            }
            let mut acc = values.pop().unwrap_or_else(|| mk(ExprKind::None, Span::default()));
            while let (Some(cond), Some(then)) = (conds.pop(), values.pop()) {
                let span = then.span.to(acc.span);
                acc = mk(ExprKind::Ternary { cond: Box::new(cond), then: Box::new(then), else_: Box::new(acc) }, span);
            }
            acc
        });
    expr.define(ternary);

    Exprs { expr: expr_b, list: list_b }
}

/// Call arguments: positional, `name=value`, `*xs`, trailing comma allowed.
pub(crate) fn call_args<'a>(expr: PB<'a, Expr>) -> impl Parser<'a, In<'a>, Vec<Arg>, Ex<'a>> + Clone {
    let star = t(Token::Star).ignore_then(expr.clone()).map(|value| Arg { name: None, value, star: true });
    let keyword = ident().then_ignore(t(Token::Eq)).then(expr.clone()).map(|(name, value)| Arg {
        name: Some(name),
        value,
        star: false,
    });
    let positional = expr.map(|value| Arg { name: None, value, star: false });
    choice((star, keyword, positional)).separated_by(t(Token::Comma)).allow_trailing().collect::<Vec<_>>()
}
