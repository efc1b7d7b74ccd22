//! The parser's own token stream. The lexer's `Token::FString` carries the
//! tokens of each embedded `{expr}`; before parsing, they are flattened into the
//! main stream between synthetic markers (`FStart … FExpr expr FExprEnd … FEnd`)
//! so one grammar parses everything and every span stays absolute. This module
//! also checks nesting depth up front so deep input cannot exhaust the stack.

use chumsky::span::SimpleSpan;
use lexer::{Diagnostic, FPart, Span, Token};

/// A token as the grammar sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tk {
    /// An ordinary lexer token.
    T(Token),
    /// Start of an f-string (its span is the whole f-string literal).
    FStart,
    /// Literal text of an f-string.
    FLit(String),
    /// Start of an embedded `{expr}`; the expression's tokens follow.
    FExpr { conv: Option<char>, spec: Option<String> },
    /// End of an embedded expression (span: the `}`, `!` or `:` after it).
    FExprEnd,
    /// End of an f-string (span: its closing quote).
    FEnd,
}

pub(crate) type Spanned = (Tk, SimpleSpan);

/// How a token is named in "expected X, found Y" messages.
pub(crate) fn describe(tk: &Tk) -> String {
    match tk {
        Tk::T(Token::Dedent) => "end of block".to_string(),
        Tk::T(t) => t.describe(),
        Tk::FStart => "f-string".to_string(),
        Tk::FLit(_) => "f-string text".to_string(),
        Tk::FExpr { .. } => "`{`".to_string(),
        Tk::FExprEnd => "`}`".to_string(),
        Tk::FEnd => "end of f-string".to_string(),
    }
}

pub(crate) fn to_simple(s: Span) -> SimpleSpan {
    SimpleSpan::from(s.lo as usize..s.hi as usize)
}

pub(crate) fn from_simple(s: SimpleSpan) -> Span {
    Span::new(s.start, s.end)
}

/// Flattens the lexer's tokens (including f-string parts) into `out`.
pub(crate) fn flatten(tokens: &[(Token, Span)], out: &mut Vec<Spanned>) {
    for (tok, span) in tokens {
        match tok {
            Token::FString(parts) => {
                out.push((Tk::FStart, to_simple(*span)));
                for part in parts {
                    match part {
                        FPart::Lit(s) => out.push((Tk::FLit(s.clone()), to_simple(*span))),
                        FPart::Expr { tokens, conv, spec, span: es } => {
                            let lo = es.lo as usize;
                            out.push((
                                Tk::FExpr { conv: *conv, spec: spec.clone() },
                                SimpleSpan::from(lo.saturating_sub(1)..lo),
                            ));
                            flatten(tokens, out);
                            let hi = es.hi as usize;
                            out.push((Tk::FExprEnd, SimpleSpan::from(hi..hi + 1)));
                        }
                    }
                }
                let hi = span.hi as usize;
                out.push((Tk::FEnd, SimpleSpan::from(hi.saturating_sub(1).max(span.lo as usize)..hi)));
            }
            other => out.push((Tk::T(other.clone()), to_simple(*span))),
        }
    }
}

/// Deepest bracket / f-string nesting the grammar accepts (Python allows 200).
pub(crate) const MAX_NESTING: usize = 200;
/// Deepest block nesting (indentation levels).
pub(crate) const MAX_BLOCKS: usize = 100;
/// Longest run of prefix operators (`- - - x`, `not not x`).
pub(crate) const MAX_PREFIX_RUN: usize = 200;

/// Rejects input nested so deeply that parsing it (or walking the tree later)
/// could exhaust the stack.
pub(crate) fn check_depth(tokens: &[Spanned]) -> Option<Diagnostic> {
    let mut depth = 0usize;
    let mut blocks = 0usize;
    let mut prefix_run = 0usize;
    for (tk, span) in tokens {
        let span = from_simple(*span);
        match tk {
            Tk::T(Token::LParen | Token::LBracket | Token::LBrace) | Tk::FStart | Tk::FExpr { .. } => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(
                        Diagnostic::error(span, "expression nested too deeply")
                            .with_label(format!("more than {MAX_NESTING} levels of brackets here"))
                            .with_help("split the expression into several statements"),
                    );
                }
            }
            Tk::T(Token::RParen | Token::RBracket | Token::RBrace) | Tk::FEnd | Tk::FExprEnd => {
                depth = depth.saturating_sub(1)
            }
            Tk::T(Token::Indent) => {
                blocks += 1;
                if blocks > MAX_BLOCKS {
                    return Some(
                        Diagnostic::error(span, "blocks nested too deeply")
                            .with_label(format!("more than {MAX_BLOCKS} nested blocks here"))
                            .with_help("move the inner code into a separate function"),
                    );
                }
            }
            Tk::T(Token::Dedent) => blocks = blocks.saturating_sub(1),
            _ => {}
        }
        let is_prefix = matches!(tk, Tk::T(Token::Minus | Token::Plus | Token::Tilde | Token::Not | Token::Await));
        if is_prefix {
            prefix_run += 1;
            if prefix_run > MAX_PREFIX_RUN {
                return Some(
                    Diagnostic::error(span, "expression nested too deeply")
                        .with_label(format!("more than {MAX_PREFIX_RUN} operators in a row"))
                        .with_help("split the expression into several statements"),
                );
            }
        } else {
            prefix_run = 0;
        }
    }
    None
}
