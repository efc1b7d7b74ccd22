//! mojolite's lexer: source text to `(Token, Span)` pairs with indentation
//! already turned into `Newline`/`Indent`/`Dedent`, plus the shared `Span` and
//! `Diagnostic` types that every later stage reports through.

mod diagnostic;
mod fstring;
mod layout;
mod numbers;
mod raw;
mod scan;
mod span;
mod strings;
mod token;

pub use diagnostic::{Diagnostic, Severity};
pub use span::{line_col, line_text, Span};
pub use token::{FPart, Token};

/// Lexes a whole file. Always returns the tokens it could make; errors (tabs
/// in indentation, inconsistent dedent, unterminated strings, unknown
/// characters, out-of-range integers) are collected, not fatal.
pub fn lex(src: &str) -> (Vec<(Token, Span)>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let budget = strings::Budget::new(src.len() + 4096);
    let cx = scan::Cx { text: src, base: 0, depth: 0, budget: &budget };
    let tokens = scan::lex_text(&cx, true, &mut diags);
    // Errors from nested f-string expressions are found out of order.
    diags.sort_by_key(|d| (d.span.lo, d.span.hi));
    (tokens, diags)
}
