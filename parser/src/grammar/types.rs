//! Type expressions (`TypeExpr`): dotted names with `[args]`, function types
//! `fn(Int) -> T` / `async fn() -> T`, tuple types `(Int, String)` and `()`.

use super::{sp, t, PB};
use crate::ast::{Ident, TypeExpr};
use crate::tokens::Tk;
use chumsky::prelude::*;
use lexer::Token;

pub(crate) fn type_expr<'a>() -> PB<'a, TypeExpr> {
    recursive(|ty| {
        let list = ty.clone().separated_by(t(Token::Comma)).allow_trailing().collect::<Vec<_>>();

        let fn_ty = just(Tk::T(Token::Async))
            .or_not()
            .then_ignore(t(Token::Fn))
            .then(list.clone().delimited_by(t(Token::LParen), t(Token::RParen)))
            .then(t(Token::Arrow).ignore_then(ty.clone()).or_not())
            .map_with(|((is_async, params), ret), e| TypeExpr::Fn {
                is_async: is_async.is_some(),
                params,
                ret: ret.map(Box::new),
                span: sp(e.span()),
            });

        // `(T)` is just `T`; `(T,)` and `(A, B)` are tuples; `()` is unit.
        let tuple = ty
            .clone()
            .separated_by(t(Token::Comma))
            .collect::<Vec<_>>()
            .then(t(Token::Comma).or_not())
            .delimited_by(t(Token::LParen), t(Token::RParen))
            .map_with(|(mut items, comma), e| {
                if items.len() == 1 && comma.is_none() {
                    items.pop().unwrap_or(TypeExpr::Tuple { items: vec![], span: sp(e.span()) })
                } else {
                    TypeExpr::Tuple { items, span: sp(e.span()) }
                }
            });

        // `None` (the unit-ish return type) and `async` (the module, as in
        // `async.Future[Int]`) are keywords but valid type-path segments.
        let segment = select! {
            Tk::T(Token::Ident(name)) = e => Ident { name, span: sp(e.span()) },
            Tk::T(Token::None) = e => Ident { name: "None".to_string(), span: sp(e.span()) },
            Tk::T(Token::Async) = e => Ident { name: "async".to_string(), span: sp(e.span()) },
        }
        .labelled("a type");
        let named = segment
            .separated_by(t(Token::Dot))
            .at_least(1)
            .collect::<Vec<_>>()
            .then(list.delimited_by(t(Token::LBracket), t(Token::RBracket)).or_not())
            .map_with(|(path, args), e| TypeExpr::Name { path, args: args.unwrap_or_default(), span: sp(e.span()) });

        choice((fn_ty, tuple, named)).labelled("a type")
    })
    .boxed()
}
