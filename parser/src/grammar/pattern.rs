//! Patterns: `match` cases and `if let` / `while let` (full `PatternKind`), and
//! the simpler binding targets of `let`, `for` and comprehensions (names, `_`
//! and tuples of them).

use super::{sp, t, Ex, In, PB};
use crate::ast::{Expr, ExprKind, Ident, Pattern, PatternKind};
use crate::tokens::Tk;
use chumsky::prelude::*;
use lexer::{Span, Token};

fn pat(kind: PatternKind, span: Span) -> Pattern {
    Pattern { kind, span }
}

fn lit(kind: ExprKind, span: Span) -> PatternKind {
    PatternKind::Literal(Box::new(Expr { kind, span }))
}

/// Items of a bracketed pattern list, with whether a trailing comma was seen.
fn items<'a>(
    item: impl Parser<'a, In<'a>, Pattern, Ex<'a>> + Clone + 'a,
) -> impl Parser<'a, In<'a>, (Vec<Pattern>, bool), Ex<'a>> + Clone {
    item.separated_by(t(Token::Comma)).collect::<Vec<_>>().then(t(Token::Comma).or_not()).map(|(v, c)| (v, c.is_some()))
}

/// `a` or `a, b` (a bare tuple when there is a comma).
fn bare_tuple<'a>(
    item: impl Parser<'a, In<'a>, Pattern, Ex<'a>> + Clone + 'a,
) -> impl Parser<'a, In<'a>, Pattern, Ex<'a>> + Clone {
    item.clone()
        .then(t(Token::Comma).ignore_then(item).repeated().collect::<Vec<_>>())
        .then(t(Token::Comma).or_not())
        .map_with(|((first, rest), comma), e| {
            if rest.is_empty() && comma.is_none() {
                first
            } else {
                let mut all = vec![first];
                all.extend(rest);
                pat(PatternKind::Tuple(all), sp(e.span()))
            }
        })
}

/// A full pattern, bare tuples allowed (`case 0, value:`).
pub(crate) fn pattern<'a>() -> PB<'a, Pattern> {
    let or_pat = recursive(|or_pat| {
        let number = select! {
            Tk::T(Token::Int(n)) => ExprKind::Int(n),
            Tk::T(Token::Float(f)) => ExprKind::Float(f),
        };
        let neg = t(Token::Minus).ignore_then(number).map(|k| match k {
            ExprKind::Int(n) => ExprKind::Int(n.wrapping_neg()),
            ExprKind::Float(f) => ExprKind::Float(-f),
            other => other,
        });
        let literal = choice((
            number,
            neg,
            select! {
                Tk::T(Token::Str(s)) => ExprKind::Str(s),
                Tk::T(Token::True) => ExprKind::Bool(true),
                Tk::T(Token::False) => ExprKind::Bool(false),
            },
        ))
        .map_with(|k, e| pat(lit(k, sp(e.span())), sp(e.span())));

        let none = t(Token::None).map_with(|_, e| pat(PatternKind::None, sp(e.span())));

        let segment = select! { Tk::T(Token::Ident(name)) = e => Ident { name, span: sp(e.span()) } };
        let path = segment
            .then(choice((t(Token::ColonColon), t(Token::Dot))).ignore_then(segment).repeated().collect::<Vec<_>>())
            .map(|(first, rest)| {
                let mut v = vec![first];
                v.extend(rest);
                v
            });
        let args = items(or_pat.clone()).delimited_by(t(Token::LParen), t(Token::RParen)).map(|(v, _)| v);
        let name = path.then(args.or_not()).map_with(|(path, args), e| {
            let span = sp(e.span());
            if path.len() == 1 && args.is_none() {
                let n = &path[0].name;
                if n == "_" {
                    return pat(PatternKind::Wildcard, span);
                }
                if !n.starts_with(|c: char| c.is_uppercase()) {
                    return pat(PatternKind::Bind(n.clone()), span);
                }
            }
            pat(PatternKind::Ctor { path, args }, span)
        });

        let star = t(Token::Star).ignore_then(segment).map_with(|id, e| {
            let name = (id.name != "_").then_some(id.name);
            pat(PatternKind::Star(name), sp(e.span()))
        });

        let paren =
            items(or_pat.clone()).delimited_by(t(Token::LParen), t(Token::RParen)).map_with(|(mut v, comma), e| {
                if v.len() == 1 && !comma {
                    v.pop().unwrap_or(pat(PatternKind::Tuple(vec![]), sp(e.span())))
                } else {
                    pat(PatternKind::Tuple(v), sp(e.span()))
                }
            });
        let list = items(or_pat.clone())
            .delimited_by(t(Token::LBracket), t(Token::RBracket))
            .map_with(|(v, _), e| pat(PatternKind::List(v), sp(e.span())));

        let closed = choice((literal, none, name, star, paren, list)).labelled("a pattern");
        closed.clone().separated_by(t(Token::Pipe)).at_least(1).collect::<Vec<_>>().map_with(|mut alts, e| {
            if alts.len() == 1 {
                alts.pop().unwrap_or(pat(PatternKind::Wildcard, sp(e.span())))
            } else {
                pat(PatternKind::Or(alts), sp(e.span()))
            }
        })
    });
    bare_tuple(or_pat).boxed()
}

/// A binding target: `x`, `_`, `(a, b)`, and bare `a, b`.
pub(crate) fn target<'a>() -> PB<'a, Pattern> {
    let single = recursive(|single| {
        let name = select! { Tk::T(Token::Ident(name)) = e => (name, sp(e.span())) }.map(|(n, span)| {
            if n == "_" {
                pat(PatternKind::Wildcard, span)
            } else {
                pat(PatternKind::Bind(n), span)
            }
        });
        let tuple = items(single).delimited_by(t(Token::LParen), t(Token::RParen)).map_with(|(mut v, comma), e| {
            if v.len() == 1 && !comma {
                v.pop().unwrap_or(pat(PatternKind::Tuple(vec![]), sp(e.span())))
            } else {
                pat(PatternKind::Tuple(v), sp(e.span()))
            }
        });
        choice((name, tuple)).labelled("a name")
    });
    bare_tuple(single).boxed()
}
