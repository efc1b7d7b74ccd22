//! Definitions: `fn`/`def`/`async fn` (generics, parameter conventions,
//! `*args`, defaults, `raises`, return type, stub bodies), decorators,
//! `struct` (fields, methods, aliases) and `trait`.

use super::stmt::{stmt, G};
use super::{ident, sp, span_through, t, ts, word, Ex, In, PB};
use crate::ast::{
    Block, Decorator, ExprKind, Field, FnDef, Ident, Param, ParamConvention, Stmt, StmtKind, StructDef, TraitDef,
    TypeExpr,
};
use crate::tokens::Tk;
use chumsky::prelude::*;
use lexer::Token;

#[derive(Clone)]
enum Member {
    Field(Field),
    Method(FnDef),
    Alias(Ident, TypeExpr),
    Skip,
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Str(_)))
}

/// Drops a leading docstring; a body that is only `...` becomes a stub.
fn finish_body(mut body: Block) -> (Block, bool) {
    if body.len() > 1 && is_docstring(&body[0]) {
        body.remove(0);
    }
    let stub = matches!(body.as_slice(), [s] if matches!(&s.kind, StmtKind::Expr(e) if e.kind == ExprKind::Ellipsis));
    if stub {
        body.clear();
    }
    (body, stub)
}

/// `[T, U: Bound]` (bounds accepted and dropped).
fn generics<'a>(g: &G<'a>) -> impl Parser<'a, In<'a>, Vec<Ident>, Ex<'a>> + Clone {
    ident()
        .then_ignore(t(Token::Colon).then(g.ty.clone()).or_not())
        .separated_by(t(Token::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(t(Token::LBracket), t(Token::RBracket))
        .or_not()
        .map(Option::unwrap_or_default)
}

fn params<'a>(g: &G<'a>) -> impl Parser<'a, In<'a>, Vec<Param>, Ex<'a>> + Clone {
    let convention = select! {
        Tk::T(Token::Ident(w)) if w == "out" => ParamConvention::Out,
        Tk::T(Token::Ident(w)) if w == "mut" => ParamConvention::Mut,
        Tk::T(Token::Ident(w)) if w == "inout" => ParamConvention::Inout,
        Tk::T(Token::Ident(w)) if w == "owned" => ParamConvention::Owned,
        Tk::T(Token::Ident(w)) if w == "borrowed" || w == "read" => ParamConvention::Read,
    }
    // `out: Channel[Int]` is a parameter named `out`.
    .then_ignore(ident().rewind());
    let annotation = t(Token::Colon).ignore_then(g.ty.clone()).or_not();
    let star = t(Token::Star).ignore_then(ident()).then(annotation.clone()).map_with(|(name, ty), e| Param {
        name,
        convention: ParamConvention::Read,
        ty,
        default: None,
        star: true,
        span: sp(e.span()),
    });
    let plain = convention
        .or_not()
        .then(ident())
        .then(annotation)
        .then(t(Token::Eq).ignore_then(g.ex.expr.clone()).or_not())
        .map_with(|(((conv, name), ty), default), e| Param {
            name,
            convention: conv.unwrap_or(ParamConvention::Read),
            ty,
            default,
            star: false,
            span: sp(e.span()),
        });
    choice((star, plain))
        .labelled("a parameter")
        .separated_by(t(Token::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(t(Token::LParen), t(Token::RParen))
}

fn fn_def<'a>(g: &G<'a>) -> PB<'a, FnDef> {
    let kind = choice((just(Tk::T(Token::Fn)).to(false), just(Tk::T(Token::Def)).to(true)));
    t(Token::Async)
        .or_not()
        .then(kind)
        .then(ident())
        .then(generics(g))
        .then(params(g))
        .then(word("raises").or_not())
        .then(t(Token::Arrow).ignore_then(g.ty.clone()).or_not())
        .then(g.suite.clone())
        .map_with(|(((((((is_async, is_def), name), generics), params), raises), ret), body), e| {
            let span = span_through(sp(e.span()), &[&body]);
            let (body, is_stub) = finish_body(body);
            FnDef {
                name,
                is_async: is_async.is_some(),
                is_def,
                decorators: vec![],
                generics,
                params,
                ret,
                raises: raises.is_some(),
                body,
                is_stub,
                span,
            }
        })
        .boxed()
}

fn decorators<'a>() -> impl Parser<'a, In<'a>, Vec<Decorator>, Ex<'a>> + Clone {
    ts(Token::At)
        .then(ident())
        .then_ignore(t(Token::Newline))
        .map(|(at, name)| Decorator { span: at.to(name.span), name })
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
}

/// A method, possibly decorated (inside `struct` and `trait` bodies too).
fn method<'a>(g: &G<'a>) -> PB<'a, FnDef> {
    decorators()
        .or_not()
        .then(fn_def(g))
        .map(|(decs, mut f)| {
            if let Some(decs) = decs {
                if let Some(first) = decs.first() {
                    f.span = first.span.to(f.span);
                }
                f.decorators = decs;
            }
            f
        })
        .boxed()
}

/// Members of a `struct` (or `trait`) body: one per line, `;` allowed
/// between simple members; docstrings, `pass` and `...` are skipped.
fn body_of<'a>(g: &G<'a>, simple: PB<'a, Member>, label: &'static str) -> PB<'a, Vec<Member>> {
    let simple_line = simple
        .separated_by(t(Token::Semicolon))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .then_ignore(t(Token::Newline))
        .boxed();
    let line = choice((t(Token::Newline).to(vec![]), method(g).map(|m| vec![Member::Method(m)]), simple_line.clone()))
        .labelled(label)
        .recover_with(via_parser(g.recovery.clone().to(vec![])))
        .boxed();
    let block = t(Token::Newline)
        .ignore_then(t(Token::Indent))
        .ignore_then(line.repeated().at_least(1).collect::<Vec<_>>())
        .then_ignore(t(Token::Dedent))
        .map(|v| v.into_iter().flatten().collect::<Vec<_>>());
    t(Token::Colon).ignore_then(choice((block, simple_line))).boxed()
}

fn skip_members<'a>() -> impl Parser<'a, In<'a>, Member, Ex<'a>> + Clone {
    choice((t(Token::Pass), t(Token::Ellipsis), select! { Tk::T(Token::Str(_)) => () }.repeated().at_least(1)))
        .to(Member::Skip)
}

fn struct_def<'a>(g: &G<'a>) -> PB<'a, StructDef> {
    let field = t(Token::Var)
        .ignore_then(ident())
        .then(t(Token::Colon).ignore_then(g.ty.clone()).or_not())
        .then(t(Token::Eq).ignore_then(g.ex.expr.clone()).or_not())
        .map_with(|((name, ty), default), e| Member::Field(Field { name, ty, default, span: sp(e.span()) }));
    let alias = t(Token::Alias)
        .ignore_then(ident())
        .then_ignore(t(Token::Eq))
        .then(g.ty.clone())
        .map(|(n, ty)| Member::Alias(n, ty));
    let simple = choice((field, alias, skip_members())).boxed();
    let body = body_of(g, simple, "a struct member (`var`, `fn` or `alias`)");
    let traits = name_list_in_parens();
    t(Token::Struct)
        .ignore_then(ident())
        .then(generics(g))
        .then(traits)
        .then(body)
        .map_with(|(((name, generics), traits), members), e| {
            let mut def = StructDef {
                name,
                decorators: vec![],
                generics,
                traits,
                fields: vec![],
                methods: vec![],
                aliases: vec![],
                span: sp(e.span()),
            };
            for m in members {
                match m {
                    Member::Field(f) => def.fields.push(f),
                    Member::Method(f) => def.methods.push(f),
                    Member::Alias(n, ty) => def.aliases.push((n, ty)),
                    Member::Skip => {}
                }
            }
            let hi = def
                .fields
                .iter()
                .map(|f| f.span.hi)
                .chain(def.methods.iter().map(|m| m.span.hi))
                .chain(def.aliases.iter().map(|(_, ty)| ty.span().hi))
                .max();
            if let Some(hi) = hi {
                def.span.hi = hi.max(def.span.lo);
            }
            def
        })
        .boxed()
}

/// `(A, B)` after a struct or trait name (the traits it conforms to, the
/// traits it refines); nothing there is an empty list.
fn name_list_in_parens<'a>() -> impl Parser<'a, In<'a>, Vec<Ident>, Ex<'a>> + Clone {
    ident()
        .separated_by(t(Token::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(t(Token::LParen), t(Token::RParen))
        .or_not()
        .map(Option::unwrap_or_default)
}

fn trait_def<'a>(g: &G<'a>) -> PB<'a, TraitDef> {
    let body = body_of(g, skip_members().boxed(), "a method (`fn`)");
    let parents = name_list_in_parens();
    t(Token::Trait)
        .ignore_then(ident())
        .then(parents)
        .then(body)
        .map_with(|((name, parents), members), e| {
            let methods: Vec<FnDef> = members
                .into_iter()
                .filter_map(|m| match m {
                    Member::Method(f) => Some(f),
                    _ => None,
                })
                .collect();
            let mut span = sp(e.span());
            if let Some(m) = methods.last() {
                span.hi = m.span.hi.max(span.lo);
            }
            TraitDef { name, parents, methods, span }
        })
        .boxed()
}

/// `fn`/`struct`/`trait`, with decorators before `fn` and `struct`.
pub(crate) fn definition<'a>(g: &G<'a>) -> PB<'a, Stmt> {
    let func = fn_def(g);
    let strukt = struct_def(g);
    let decorated = decorators()
        .then(choice((func.clone().map(StmtKind::Fn), strukt.clone().map(StmtKind::Struct))))
        .map(|(decs, kind)| {
            let lo = decs.first().map(|d| d.span).unwrap_or_default();
            match kind {
                StmtKind::Fn(mut f) => {
                    f.decorators = decs;
                    f.span = lo.to(f.span);
                    let span = f.span;
                    stmt(StmtKind::Fn(f), span)
                }
                StmtKind::Struct(mut s) => {
                    s.decorators = decs;
                    s.span = lo.to(s.span);
                    let span = s.span;
                    stmt(StmtKind::Struct(s), span)
                }
                other => stmt(other, lo),
            }
        });
    let func = func.map(|f| {
        let span = f.span;
        stmt(StmtKind::Fn(f), span)
    });
    let strukt = strukt.map(|s| {
        let span = s.span;
        stmt(StmtKind::Struct(s), span)
    });
    let trait_ = trait_def(g).map(|tr| {
        let span = tr.span;
        stmt(StmtKind::Trait(tr), span)
    });
    choice((decorated, func, strukt, trait_)).boxed()
}
