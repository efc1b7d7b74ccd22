//! Helpers shared by the lexer's integration tests.
#![allow(dead_code)]

use lexer::{lex, Diagnostic, FPart, Span, Token};

/// The tokens of `src`, which must lex without diagnostics.
pub fn toks(src: &str) -> Vec<Token> {
    let (tokens, diags) = lex(src);
    assert!(diags.is_empty(), "unexpected diagnostics for {src:?}: {diags:#?}");
    tokens.into_iter().map(|(t, _)| t).collect()
}

/// The tokens of a one-line `src`, without the final `Newline`.
pub fn line(src: &str) -> Vec<Token> {
    let mut t = toks(src);
    assert_eq!(t.pop(), Some(Token::Newline), "{src:?} should end with one Newline");
    t
}

/// The single token of `src` (besides the final `Newline`).
pub fn one(src: &str) -> Token {
    let t = line(src);
    assert_eq!(t.len(), 1, "{src:?} should be one token, got {t:?}");
    t.into_iter().next().unwrap()
}

/// The parts of the single f-string token in `src`.
pub fn fparts(src: &str) -> Vec<FPart> {
    match one(src) {
        Token::FString(parts) => parts,
        other => panic!("{src:?} is not an f-string: {other:?}"),
    }
}

/// The only diagnostic `src` produces.
pub fn one_error(src: &str) -> Diagnostic {
    let (_, diags) = lex(src);
    assert_eq!(diags.len(), 1, "expected exactly one diagnostic for {src:?}, got {diags:#?}");
    diags.into_iter().next().unwrap()
}

/// The text a span covers.
pub fn at(src: &str, span: Span) -> &str {
    &src[span.range()]
}

pub fn id(s: &str) -> Token {
    Token::Ident(s.to_string())
}

pub fn s(v: &str) -> Token {
    Token::Str(v.to_string())
}
