//! The chumsky grammar, split by topic: expressions, patterns, types,
//! simple statements and compound statements / definitions. This module holds
//! the shared input/extra types and small token-level helpers.

pub(crate) mod atoms;
pub(crate) mod compound;
pub(crate) mod expr;
pub(crate) mod items;
pub(crate) mod pattern;
pub(crate) mod stmt;
pub(crate) mod types;

use crate::ast::{Block, Ident};
use crate::errors::PErr;
use crate::tokens::{from_simple, Spanned, Tk};
use chumsky::input::MappedInput;
use chumsky::prelude::*;
use lexer::{Span, Token};

/// The parser input: a flattened token slice, spans are byte offsets.
pub(crate) type In<'a> = MappedInput<'a, Tk, SimpleSpan, &'a [Spanned]>;
pub(crate) type Ex<'a> = extra::Err<PErr<'a>>;
/// A boxed sub-parser.
pub(crate) type PB<'a, O> = Boxed<'a, 'a, In<'a>, O, Ex<'a>>;

/// Matches one ordinary token.
pub(crate) fn t<'a>(tok: Token) -> impl Parser<'a, In<'a>, (), Ex<'a>> + Clone {
    just(Tk::T(tok)).ignored()
}

/// Matches one ordinary token "quietly": on failure it adds nothing to the
/// expected set. For tokens that could merely continue an expression
/// (operators, postfix openers): they would only clutter messages, and
/// merging long expected lists is the parser's hottest path.
pub(crate) fn q<'a>(tok: Token) -> impl Parser<'a, In<'a>, (), Ex<'a>> + Clone {
    select! { Tk::T(x) if x == tok => () }
}

/// Matches one ordinary token and returns its span.
pub(crate) fn ts<'a>(tok: Token) -> impl Parser<'a, In<'a>, Span, Ex<'a>> + Clone {
    just(Tk::T(tok)).map_with(|_, e| sp(e.span()))
}

pub(crate) fn sp(s: SimpleSpan) -> Span {
    from_simple(s)
}

/// A plain identifier.
pub(crate) fn ident<'a>() -> impl Parser<'a, In<'a>, Ident, Ex<'a>> + Clone {
    select! { Tk::T(Token::Ident(name)) = e => Ident { name, span: sp(e.span()) } }.labelled("a name")
}

/// A specific contextual word that the lexer leaves as an identifier
/// (`assert`, `raises`, `out`, …).
pub(crate) fn word<'a>(w: &'static str) -> impl Parser<'a, In<'a>, Span, Ex<'a>> + Clone {
    select! { Tk::T(Token::Ident(name)) = e if name == w => sp(e.span()) }
}

/// An identifier or a keyword used as a name: attribute names after `.`/`::`
/// (`task.await()`) and module paths (`from async import spawn`).
pub(crate) fn name_or_kw<'a>() -> impl Parser<'a, In<'a>, Ident, Ex<'a>> + Clone {
    select! {
        Tk::T(Token::Ident(name)) = e => Ident { name, span: sp(e.span()) },
        Tk::T(tok) = e if is_keyword(&tok) => Ident { name: tok.text().to_string(), span: sp(e.span()) },
    }
    .labelled("a name")
}

pub(crate) fn is_keyword(tok: &Token) -> bool {
    let text = tok.text();
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphabetic())
}

/// `a.b.c` with keyword segments allowed (`async`).
pub(crate) fn dotted<'a>() -> impl Parser<'a, In<'a>, Vec<Ident>, Ex<'a>> + Clone {
    name_or_kw().separated_by(t(Token::Dot)).at_least(1).collect()
}

/// Wraps a parser so that entering it checks the remaining stack (chumsky's
/// `stacker` support lives in `Recursive`), growing it onto the heap when
/// low. Used at each point where the grammar nests.
pub(crate) fn stack_guard<'a, O: 'a>(p: PB<'a, O>) -> PB<'a, O> {
    recursive(|_| p).boxed()
}

/// Span from `lo` to the end of the last statement of any of the blocks (or
/// `header` when they are empty): compound statements end with their body,
/// not with the layout tokens after it.
pub(crate) fn span_through(header: Span, blocks: &[&Block]) -> Span {
    let hi = blocks.iter().filter_map(|b| b.last()).map(|s| s.span.hi).max().unwrap_or(header.hi).max(header.lo);
    Span { lo: header.lo, hi }
}
