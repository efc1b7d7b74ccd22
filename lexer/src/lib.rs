//! mojolite's lexer: source text to `(Token, Span)` pairs with indentation
//! already turned into `Newline`/`Indent`/`Dedent`, plus the shared `Span` and
//! `Diagnostic` types that every later stage reports through.

mod diagnostic;
mod span;
mod token;

pub use diagnostic::{Diagnostic, Severity};
pub use span::{line_col, line_text, Span};
pub use token::{FPart, Token};

/// Lexes a whole file. Always returns the tokens it could make; errors (tabs
/// in indentation, inconsistent dedent, unterminated strings, unknown
/// characters, out-of-range integers) are collected, not fatal.
pub fn lex(src: &str) -> (Vec<(Token, Span)>, Vec<Diagnostic>) {
    let _ = src;
    todo!("lexer")
}
