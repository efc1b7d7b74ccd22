//! Statements and blocks: the module, statement lines (simple statements
//! separated by `;`, or one compound statement), suites (`:` then an indented
//! block or statements on the same line), and statement-level error recovery
//! (skip the broken line, plus the block and `elif`/`else`/… clauses after it).

use super::expr::{exprs, Exprs};
use super::{compound, dotted, ident, items, pattern, q, sp, t, types, word, Ex, In, PB};
use crate::ast::{BinOp, Block, Expr, ExprKind, Module, Pattern, Stmt, StmtKind, TypeExpr};
use crate::errors::custom;
use crate::tokens::Tk;
use chumsky::prelude::*;
use chumsky::recursive::Indirect;
use lexer::Token;

/// Everything the statement rules share.
#[derive(Clone)]
pub(crate) struct G<'a> {
    pub ex: Exprs<'a>,
    pub pattern: PB<'a, Pattern>,
    pub target: PB<'a, Pattern>,
    pub ty: PB<'a, TypeExpr>,
    /// `:` followed by an indented block or a one-line body.
    pub suite: PB<'a, Block>,
    /// Skips a broken line with the block and clauses after it.
    pub recovery: PB<'a, ()>,
}

pub(crate) fn stmt(kind: StmtKind, span: lexer::Span) -> Stmt {
    Stmt { kind, span }
}

/// Skips the rest of a broken line, the indented block after it and any
/// `elif`/`else`/`except`/`finally` clauses (with their blocks) that belong
/// to the same broken statement; or a whole unexpectedly indented block.
fn recovery<'a>() -> PB<'a, ()> {
    let layout = [Tk::T(Token::Newline), Tk::T(Token::Indent), Tk::T(Token::Dedent)];
    let skip_block = recursive(|sb| {
        t(Token::Indent)
            .then(choice((sb, none_of([Tk::T(Token::Indent), Tk::T(Token::Dedent)]).ignored())).repeated())
            .then(t(Token::Dedent))
            .ignored()
    });
    let line = none_of(layout).repeated().then(t(Token::Newline)).then(skip_block.clone().or_not());
    let clause = choice((t(Token::Elif), t(Token::Else), t(Token::Except), t(Token::Finally))).then(line.clone());
    choice((line.then(clause.repeated()).ignored(), skip_block)).boxed()
}

pub(crate) fn module<'a>() -> PB<'a, Module> {
    let target = pattern::target();
    let ex = exprs(target.clone());
    let pattern = pattern::pattern();
    let ty = types::type_expr();

    let mut line: Recursive<Indirect<'a, 'a, In<'a>, Block, Ex<'a>>> = Recursive::declare();
    let line_b = line.clone().boxed();

    let indented = t(Token::Indent)
        .ignore_then(line_b.clone().repeated().at_least(1).collect::<Vec<Block>>())
        .then_ignore(t(Token::Dedent))
        .map(|blocks| blocks.into_iter().flatten().collect::<Block>());
    let block = t(Token::Newline).ignore_then(indented);

    let small = small_stmt(&ex, &target, &ty);
    let simple_line = small
        .separated_by(q(Token::Semicolon))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .then_ignore(t(Token::Newline))
        .boxed();
    let suite = t(Token::Colon).ignore_then(choice((block, simple_line.clone()))).boxed();

    let g = G { ex, pattern, target, ty, suite, recovery: recovery() };

    let compound = choice((compound::compound(&g), items::definition(&g))).map(|s| vec![s]);
    line.define(
        choice((t(Token::Newline).to(vec![]), compound, simple_line))
            .labelled("a statement")
            .recover_with(via_parser(g.recovery.clone().to(vec![]))),
    );

    line_b
        .repeated()
        .collect::<Vec<Block>>()
        .then_ignore(end())
        .map(|blocks| Module { body: blocks.into_iter().flatten().collect() })
        .boxed()
}

fn is_target(e: &Expr, allow_tuple: bool) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attr { .. } | ExprKind::Index { .. } => true,
        ExprKind::Tuple(items) | ExprKind::List(items) if allow_tuple => items.iter().all(|i| match &i.kind {
            ExprKind::Starred(inner) => is_target(inner, true),
            _ => is_target(i, true),
        }),
        _ => false,
    }
}

fn target_error(e: &Expr) -> (&'static str, Option<&'static str>) {
    match &e.kind {
        ExprKind::Call { .. } => ("cannot assign to a function call", None),
        ExprKind::Compare { .. } => ("cannot assign to a comparison", Some("to compare values use `==`")),
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::None => {
            ("cannot assign to a literal", None)
        }
        _ => ("cannot assign to this expression", None),
    }
}

/// One simple statement (no `Newline`).
fn small_stmt<'a>(ex: &Exprs<'a>, target: &PB<'a, Pattern>, ty: &PB<'a, TypeExpr>) -> PB<'a, Stmt> {
    let list = ex.list.clone();
    let expr = ex.expr.clone();

    let keyword = select! {
        Tk::T(Token::Pass) => StmtKind::Pass,
        Tk::T(Token::Break) => StmtKind::Break,
        Tk::T(Token::Continue) => StmtKind::Continue,
    };
    let ret = t(Token::Return).ignore_then(list.clone().or_not()).map(StmtKind::Return);
    let raise = t(Token::Raise).ignore_then(expr.clone().or_not()).map(StmtKind::Raise);
    let let_ = choice((just(Tk::T(Token::Let)).to(false), just(Tk::T(Token::Var)).to(true)))
        .then(target.clone())
        .then(t(Token::Colon).ignore_then(ty.clone()).or_not())
        .then(t(Token::Eq).ignore_then(list.clone()).or_not())
        .map(|(((mutable, pattern), ty), value)| StmtKind::Let { mutable, pattern, ty, value });
    let import = t(Token::Import)
        .ignore_then(dotted())
        .then(t(Token::As).ignore_then(ident()).or_not())
        .map(|(module, alias)| StmtKind::Import { module, alias });
    let name_as = ident().then(t(Token::As).ignore_then(ident()).or_not());
    let names = name_as.separated_by(t(Token::Comma)).at_least(1).allow_trailing().collect::<Vec<_>>();
    let from = t(Token::From)
        .ignore_then(dotted())
        .then_ignore(t(Token::Import))
        .then(choice((names.clone().delimited_by(t(Token::LParen), t(Token::RParen)), names)))
        .map(|(module, names)| StmtKind::FromImport { module, names });
    let alias = t(Token::Alias)
        .ignore_then(ident())
        .then_ignore(t(Token::Eq))
        .then(ty.clone())
        .map(|(name, ty)| StmtKind::Alias { name, ty });

    // `assert c`, `assert c, msg`, `assert(c)`, `assert(c, msg)`.
    let assert = word("assert").ignore_then(list.clone()).validate(|e, x, emitter| match e.kind {
        ExprKind::Tuple(mut items) if items.len() == 2 => {
            let msg = items.pop();
            let cond = items.pop().unwrap_or(Expr { kind: ExprKind::Bool(true), span: e.span });
            StmtKind::Assert { cond, msg }
        }
        ExprKind::Tuple(items) if items.len() > 2 => {
            emitter.emit(custom(
                x.span(),
                "`assert` takes a condition and an optional message",
                "too many values here",
                Some("write `assert cond, \"message\"`"),
            ));
            StmtKind::Assert { cond: Expr { kind: ExprKind::Tuple(items), span: e.span }, msg: None }
        }
        kind => StmtKind::Assert { cond: Expr { kind, span: e.span }, msg: None },
    });

    let aug_op = select! {
        Tk::T(Token::PlusEq) => BinOp::Add,
        Tk::T(Token::MinusEq) => BinOp::Sub,
        Tk::T(Token::StarEq) => BinOp::Mul,
        Tk::T(Token::SlashEq) => BinOp::Div,
        Tk::T(Token::SlashSlashEq) => BinOp::FloorDiv,
        Tk::T(Token::PercentEq) => BinOp::Mod,
    };
    #[derive(Clone)]
    enum Tail {
        Aug(BinOp, Expr),
        Assign(Vec<Expr>),
        None,
    }
    let expr_stmt = list
        .clone()
        .then(choice((
            aug_op.then(list.clone()).map(|(op, v)| Tail::Aug(op, v)),
            q(Token::Eq).ignore_then(list.clone()).repeated().at_least(1).collect::<Vec<_>>().map(Tail::Assign),
            empty().to(Tail::None),
        )))
        .validate(|(first, tail), _, emitter| {
            let check = |e: &Expr, allow_tuple: bool, emitter: &mut chumsky::input::Emitter<_>| {
                if !is_target(e, allow_tuple) {
                    let (msg, help) = target_error(e);
                    let s = crate::tokens::to_simple(e.span);
                    emitter.emit(custom(s, msg, "cannot be assigned to", help));
                }
            };
            match tail {
                Tail::None => StmtKind::Expr(first),
                Tail::Aug(op, value) => {
                    check(&first, false, emitter);
                    StmtKind::AugAssign { target: first, op, value }
                }
                Tail::Assign(mut values) => {
                    let value = values.pop().unwrap_or_else(|| first.clone());
                    let mut targets = vec![first];
                    targets.extend(values);
                    for tg in &targets {
                        check(tg, true, emitter);
                    }
                    StmtKind::Assign { targets, value }
                }
            }
        });

    choice((keyword, ret, raise, let_, import, from, alias, assert, expr_stmt))
        .map_with(|kind, e| stmt(kind, sp(e.span())))
        .boxed()
}
