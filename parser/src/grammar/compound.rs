//! Control-flow compound statements: `if`/`elif`/`else` (with `if let`),
//! `while` / `while let`, `for` / `async for`, `try`/`except`/`else`/`finally`,
//! `with` / `async with`, and `match`/`case` with guards.

use super::stmt::{stmt, G};
use super::{ident, q, sp, span_through, t, ts, PB};
use crate::ast::{Cond, Expr, Handler, MatchCase, Stmt, StmtKind, WithItem};
use crate::errors::custom;
use chumsky::prelude::*;
use lexer::{Span, Token};

/// A condition: `let PATTERN = EXPR` or an expression. A condition written
/// with `=` is reported (with a hint about `==`) but parsed as the comparison.
fn cond<'a>(g: &G<'a>) -> PB<'a, Cond> {
    let let_cond = t(Token::Let)
        .ignore_then(g.pattern.clone())
        .then_ignore(t(Token::Eq))
        .then(g.ex.expr.clone())
        .map(|(p, e)| Cond::Let(p, e));
    let expr_cond =
        g.ex.expr.clone().then(q(Token::Eq).map_with(|_, e| e.span()).then(g.ex.expr.clone()).or_not()).validate(
            |(e, eq), _, emitter| {
                if let Some((eq_span, _)) = eq {
                    emitter.emit(custom(
                        eq_span,
                        "expected `:`, found `=`",
                        "`=` assigns; it cannot be used in a condition",
                        Some("use `==` to compare values"),
                    ));
                }
                Cond::Expr(e)
            },
        );
    choice((let_cond, expr_cond)).boxed()
}

fn if_stmt<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    let cond = cond(g);
    let suite = g.suite.clone();
    t(Token::If)
        .ignore_then(cond.clone())
        .then(suite.clone())
        .then(t(Token::Elif).ignore_then(cond).then(suite.clone()).repeated().collect::<Vec<_>>())
        .then(t(Token::Else).ignore_then(suite).or_not())
        .map_with(|((first, elifs), else_body), e| {
            let mut branches = vec![first];
            branches.extend(elifs);
            let mut blocks: Vec<_> = branches.iter().map(|(_, b)| b).collect();
            if let Some(b) = &else_body {
                blocks.push(b);
            }
            let span = span_through(sp(e.span()), &blocks);
            stmt(StmtKind::If { branches, else_body }, span)
        })
        .boxed()
}

fn while_stmt<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    t(Token::While)
        .ignore_then(cond(g))
        .then(g.suite.clone())
        .map_with(|(cond, body), e| {
            let span = span_through(sp(e.span()), &[&body]);
            stmt(StmtKind::While { cond, body }, span)
        })
        .boxed()
}

fn for_stmt<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    t(Token::Async)
        .or_not()
        .then_ignore(t(Token::For))
        .then(g.target.clone())
        .then_ignore(t(Token::In))
        .then(g.ex.list.clone())
        .then(g.suite.clone())
        .map_with(|(((is_async, target), iter), body), e| {
            let span = span_through(sp(e.span()), &[&body]);
            stmt(StmtKind::For { is_async: is_async.is_some(), target, iter, body }, span)
        })
        .boxed()
}

fn try_stmt<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    let suite = g.suite.clone();
    let handler = ts(Token::Except)
        .then(ident().then(t(Token::As).ignore_then(ident()).or_not()).or_not())
        .then(suite.clone())
        .map(|((kw, head), body): ((Span, _), _)| {
            let (ty, name) = match head {
                Some((ty, name)) => (Some(ty), name),
                None => (None, None),
            };
            let span = span_through(kw, &[&body]);
            Handler { ty, name, body, span }
        });
    let finally = t(Token::Finally).ignore_then(suite.clone());
    let tail = choice((
        handler
            .repeated()
            .at_least(1)
            .collect::<Vec<_>>()
            .then(t(Token::Else).ignore_then(suite.clone()).or_not())
            .then(finally.clone().or_not())
            .map(|((h, e), f)| (h, e, f)),
        finally.map(|f| (vec![], None, Some(f))),
    ));
    t(Token::Try)
        .ignore_then(suite)
        .then(tail)
        .map_with(|(body, (handlers, else_body, finally_body)), e| {
            let mut blocks = vec![&body];
            blocks.extend(handlers.iter().map(|h| &h.body));
            blocks.extend(else_body.iter());
            blocks.extend(finally_body.iter());
            let span = span_through(sp(e.span()), &blocks);
            stmt(StmtKind::Try { body, handlers, else_body, finally_body }, span)
        })
        .boxed()
}

fn with_stmt<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    let item =
        g.ex.expr.clone().then(t(Token::As).ignore_then(ident()).or_not()).map(|(expr, name)| WithItem { expr, name });
    t(Token::Async)
        .or_not()
        .then_ignore(t(Token::With))
        .then(item.separated_by(t(Token::Comma)).at_least(1).collect::<Vec<_>>())
        .then(g.suite.clone())
        .map_with(|((is_async, items), body), e| {
            let span = span_through(sp(e.span()), &[&body]);
            stmt(StmtKind::With { is_async: is_async.is_some(), items, body }, span)
        })
        .boxed()
}

fn match_stmt<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    let case = ts(Token::Case)
        .then(g.pattern.clone())
        .then(t(Token::If).ignore_then(g.ex.expr.clone()).or_not())
        .then(g.suite.clone())
        .map(|(((kw, pattern), guard), body)| {
            let span = span_through(kw, &[&body]);
            Some(MatchCase { pattern, guard, body, span })
        })
        .labelled("`case`")
        .recover_with(via_parser(g.recovery.clone().to(None)))
        .boxed();
    let blank = t(Token::Newline).to(None);
    let cases = t(Token::Newline)
        .ignore_then(t(Token::Indent))
        .ignore_then(choice((blank, case)).repeated().at_least(1).collect::<Vec<_>>())
        .then_ignore(t(Token::Dedent))
        .map(|cs| cs.into_iter().flatten().collect::<Vec<_>>());
    t(Token::Match)
        .ignore_then(g.ex.list.clone())
        .then_ignore(t(Token::Colon))
        .then(cases)
        .map_with(|(subject, cases): (Expr, Vec<MatchCase>), e| {
            let hi = cases.last().map(|c| c.span.hi).unwrap_or(e.span().end as u32);
            let lo = e.span().start as u32;
            stmt(StmtKind::Match { subject, cases }, Span { lo, hi: hi.max(lo) })
        })
        .boxed()
}

pub(crate) fn compound<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    choice((if_stmt(g), while_stmt(g), for_stmt(g), try_stmt(g), with_stmt(g), match_stmt(g))).boxed()
}
