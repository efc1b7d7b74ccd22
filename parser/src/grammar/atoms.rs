//! Atoms and postfix chains: literals, names, (f-)strings, `()`/`(e)`/tuples,
//! list and dict displays and comprehensions, then calls, `.attr`, `::name`,
//! `[index]`/slices and `?`. The result is an [`Element`]: the operand of
//! `**`, with its prefix operators and `await`s still unapplied.

use super::expr::{call_args, mk};
use super::{name_or_kw, q, sp, stack_guard, t, PB};
use crate::ast::{Arg, Expr, ExprKind, FStringPart, Ident, Pattern, UnaryOp};
use crate::errors::custom;
use crate::tokens::Tk;
use chumsky::prelude::*;
use lexer::{Span, Token};

/// `prefix* await* postfix-chain`.
#[derive(Clone, Debug)]
pub(crate) struct Element {
    pub prefixes: Vec<(UnaryOp, Span)>,
    pub awaits: Vec<Span>,
    pub base: Expr,
    /// How many `?` end the postfix chain (they stay outside an `await`).
    pub trailing_tries: usize,
}

#[derive(Clone)]
enum Post {
    Call(Vec<Arg>),
    Attr(Ident),
    Path(Ident),
    Index(Expr),
    Try,
}

#[derive(Clone)]
enum StrPiece {
    Plain(String),
    F(Vec<FStringPart>),
}

/// Adjacent string literals concatenate; any f-string makes the whole an f-string.
fn join_strings(pieces: Vec<StrPiece>) -> ExprKind {
    if pieces.iter().all(|p| matches!(p, StrPiece::Plain(_))) {
        let mut s = String::new();
        for p in pieces {
            if let StrPiece::Plain(x) = p {
                s.push_str(&x);
            }
        }
        return ExprKind::Str(s);
    }
    let mut parts: Vec<FStringPart> = Vec::new();
    let mut push = |part: FStringPart| match (parts.last_mut(), part) {
        (Some(FStringPart::Lit(a)), FStringPart::Lit(b)) => a.push_str(&b),
        (_, part) => parts.push(part),
    };
    for p in pieces {
        match p {
            StrPiece::Plain(s) => push(FStringPart::Lit(s)),
            StrPiece::F(ps) => ps.into_iter().for_each(&mut push),
        }
    }
    ExprKind::FString(parts)
}

fn slice(lo: Option<Expr>, hi: Option<Expr>, step: Option<Expr>, span: Span) -> Expr {
    mk(ExprKind::Slice { lo: lo.map(Box::new), hi: hi.map(Box::new), step: step.map(Box::new) }, span)
}

fn tuple_or_single(mut items: Vec<Expr>, comma: bool, span: Span) -> Expr {
    if items.len() == 1 && !comma && !matches!(items[0].kind, ExprKind::Starred(_)) {
        if let Some(e) = items.pop() {
            return e;
        }
    }
    mk(ExprKind::Tuple(items), span)
}

pub(crate) fn atom<'a>(
    expr: PB<'a, Expr>,
    list: PB<'a, Expr>,
    or_expr: PB<'a, Expr>,
    target: PB<'a, Pattern>,
) -> PB<'a, Element> {
    let simple = select! {
        Tk::T(Token::Int(n)) => ExprKind::Int(n),
        Tk::T(Token::Float(f)) => ExprKind::Float(f),
        Tk::T(Token::True) => ExprKind::Bool(true),
        Tk::T(Token::False) => ExprKind::Bool(false),
        Tk::T(Token::None) => ExprKind::None,
        Tk::T(Token::Ellipsis) => ExprKind::Ellipsis,
        Tk::T(Token::Ident(name)) => ExprKind::Name(name),
    };
    // `async.x`: the `async` module named by a keyword.
    let async_name = t(Token::Async).then(t(Token::Dot).rewind()).to(ExprKind::Name("async".to_string()));
    // Rust-style `async { … }` blocks: reported, skipped as a whole.
    let braces = recursive(|b| {
        t(Token::LBrace)
            .then(choice((b, none_of([Tk::T(Token::LBrace), Tk::T(Token::RBrace)]).ignored())).repeated())
            .then(t(Token::RBrace))
            .ignored()
    });
    let async_block = t(Token::Async).then(braces).validate(|_, e, emitter| {
        emitter.emit(custom(
            e.span(),
            "`async` blocks are not supported",
            "async block",
            Some("define a nested `async fn` and call it: `async fn task(): …` then `spawn(task())`"),
        ));
        ExprKind::None
    });

    let fpart = choice((
        select! { Tk::FLit(s) => FStringPart::Lit(s) },
        select! { Tk::FExpr { conv, spec } => (conv, spec) }
            .then(list.clone())
            .then_ignore(just(Tk::FExprEnd))
            .map(|((conv, spec), expr)| FStringPart::Expr { expr, conv, spec }),
    ));
    let fstring =
        select! { Tk::FStart => () }.ignore_then(fpart.repeated().collect::<Vec<_>>()).then_ignore(just(Tk::FEnd));
    let strings = choice((select! { Tk::T(Token::Str(s)) => StrPiece::Plain(s) }, fstring.map(StrPiece::F)))
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .map(join_strings);

    let item = choice((
        t(Token::Star).ignore_then(expr.clone()).map_with(|e, x| mk(ExprKind::Starred(Box::new(e)), sp(x.span()))),
        expr.clone(),
    ))
    .boxed();
    let more_items = t(Token::Comma)
        .ignore_then(item.clone())
        .repeated()
        .collect::<Vec<_>>()
        .then(t(Token::Comma).or_not().map(|c| c.is_some()));
    let comp_tail = q(Token::For)
        .ignore_then(target)
        .then_ignore(t(Token::In))
        .then(or_expr.clone())
        .then(t(Token::If).ignore_then(or_expr).or_not())
        .boxed();

    // `()` is unit, `(e)` is `e` itself (keeping its span), `(e,)`/`(a, b)` tuples.
    let paren =
        item.clone().then(more_items.clone()).or_not().delimited_by(t(Token::LParen), t(Token::RParen)).map_with(
            |body, e| match body {
                None => mk(ExprKind::Unit, sp(e.span())),
                Some((first, (rest, comma))) => {
                    let mut items = vec![first];
                    let comma = comma || !rest.is_empty();
                    items.extend(rest);
                    tuple_or_single(items, comma, sp(e.span()))
                }
            },
        );

    #[derive(Clone)]
    enum ListTail {
        Comp(Box<((Pattern, Expr), Option<Expr>)>),
        Items(Vec<Expr>),
    }
    let list_disp = item
        .clone()
        .then(choice((
            comp_tail.clone().map(|c| ListTail::Comp(Box::new(c))),
            more_items.clone().map(|(v, _)| ListTail::Items(v)),
        )))
        .or_not()
        .delimited_by(t(Token::LBracket), t(Token::RBracket))
        .map(|body| match body {
            None => ExprKind::List(vec![]),
            Some((elt, ListTail::Comp(comp))) => {
                let ((target, iter), cond) = *comp;
                ExprKind::ListComp { elt: Box::new(elt), target, iter: Box::new(iter), cond: cond.map(Box::new) }
            }
            Some((first, ListTail::Items(rest))) => {
                let mut v = vec![first];
                v.extend(rest);
                ExprKind::List(v)
            }
        });

    let pair = expr.clone().then_ignore(t(Token::Colon)).then(expr.clone()).boxed();
    #[derive(Clone)]
    enum DictTail {
        Comp(Box<((Pattern, Expr), Option<Expr>)>),
        Items(Vec<(Expr, Expr)>),
    }
    let dict_disp = pair
        .clone()
        .then(choice((
            comp_tail.map(|c| DictTail::Comp(Box::new(c))),
            t(Token::Comma)
                .ignore_then(pair)
                .repeated()
                .collect::<Vec<_>>()
                .then_ignore(t(Token::Comma).or_not())
                .map(DictTail::Items),
        )))
        .or_not()
        .delimited_by(t(Token::LBrace), t(Token::RBrace))
        .map(|body| match body {
            None => ExprKind::Dict(vec![]),
            Some(((k, v), DictTail::Comp(comp))) => {
                let ((target, iter), cond) = *comp;
                ExprKind::DictComp {
                    key: Box::new(k),
                    value: Box::new(v),
                    target,
                    iter: Box::new(iter),
                    cond: cond.map(Box::new),
                }
            }
            Some((first, DictTail::Items(rest))) => {
                let mut v = vec![first];
                v.extend(rest);
                ExprKind::Dict(v)
            }
        });

    let primary = choice((
        paren,
        choice((simple, async_name, async_block, strings, list_disp, dict_disp)).map_with(|k, e| mk(k, sp(e.span()))),
    ))
    .boxed();

    // Subscripts: `[i]`, `[a, b]` (a tuple), `[lo:hi:step]` with parts optional.
    let opt = expr.clone().or_not();
    // After the first `:`; `::` (one token) is an empty `hi` then `:`.
    let slice_rest = choice((
        t(Token::Colon)
            .ignore_then(opt.clone().then(t(Token::Colon).ignore_then(opt.clone()).or_not().map(Option::flatten))),
        t(Token::ColonColon).ignore_then(opt).map(|step| (None, step)),
    ))
    .boxed();
    let subscript = choice((
        slice_rest.clone().map_with(|(hi, step), e| slice(None, hi, step, sp(e.span()))),
        expr.clone()
            .then(choice((
                slice_rest.map(Ok),
                t(Token::Comma)
                    .ignore_then(expr.clone())
                    .repeated()
                    .collect::<Vec<_>>()
                    .then(t(Token::Comma).or_not().map(|c| c.is_some()))
                    .map(Err),
            )))
            .map_with(|(first, tail), e| match tail {
                Ok((hi, step)) => slice(Some(first), hi, step, sp(e.span())),
                Err((rest, comma)) => {
                    let comma = comma || !rest.is_empty();
                    let mut items = vec![first];
                    items.extend(rest);
                    tuple_or_single(items, comma, sp(e.span()))
                }
            }),
    ))
    .boxed();

    let post = choice((
        call_args(expr).delimited_by(q(Token::LParen), t(Token::RParen)).map(Post::Call),
        q(Token::Dot).ignore_then(name_or_kw()).map(Post::Attr),
        q(Token::ColonColon).ignore_then(name_or_kw()).map(Post::Path),
        subscript.delimited_by(q(Token::LBracket), t(Token::RBracket)).map(Post::Index),
        q(Token::Question).to(Post::Try),
    ))
    .map_with(|p, e| (p, sp(e.span())));

    let chain = primary.then(post.repeated().collect::<Vec<_>>()).map(|(base, posts)| {
        let start = base.span;
        let trailing_tries = posts.iter().rev().take_while(|(p, _)| matches!(p, Post::Try)).count();
        let mut e = base;
        for (p, ps) in posts {
            let span = start.to(ps);
            let kind = match p {
                Post::Call(args) => ExprKind::Call { func: Box::new(e), args },
                Post::Attr(name) => ExprKind::Attr { obj: Box::new(e), name },
                Post::Path(name) => ExprKind::Path { base: Box::new(e), name },
                Post::Index(index) => ExprKind::Index { obj: Box::new(e), index: Box::new(index) },
                Post::Try => ExprKind::Try(Box::new(e)),
            };
            e = mk(kind, span);
        }
        (e, trailing_tries)
    });

    let prefix = select! {
        Tk::T(Token::Minus) = e => (UnaryOp::Neg, sp(e.span())),
        Tk::T(Token::Plus) = e => (UnaryOp::Pos, sp(e.span())),
        Tk::T(Token::Tilde) = e => (UnaryOp::Invert, sp(e.span())),
    };
    let element = prefix
        .repeated()
        .collect::<Vec<_>>()
        .then(t(Token::Await).map_with(|_, e| sp(e.span())).repeated().collect::<Vec<_>>())
        .then(chain)
        .map(|((prefixes, awaits), (base, trailing_tries))| Element { prefixes, awaits, base, trailing_tries })
        .labelled("an expression")
        .boxed();
    stack_guard(element)
}
