//! mojolite's parser: `(Token, Span)` pairs to an AST (`ast.rs`) with a
//! chumsky grammar. Parsing never panics: it returns the tree it could build
//! and every error it found, as `Diagnostic`s.
//!
//! Pipeline: f-string parts are flattened into the token stream
//! (`tokens.rs`), nesting depth is checked up front, the grammar (`grammar/`)
//! parses with statement-level recovery, and chumsky's errors become
//! diagnostics (`errors.rs`).
//!
//! Decisions where LANGUAGE.md is silent:
//! - A leading docstring of a `fn` body is dropped (as are docstrings, `pass`
//!   and `...` lines in `struct`/`trait` bodies); a body that is then only
//!   `...` is an empty stub (`is_stub`).
//! - Negative number patterns are folded into the literal (`case -1:`).
//! - `assert` is a contextual word: `assert c, m` and `assert(c, m)` both give
//!   `Assert { cond, msg }`; `assert = 1` still assigns to a name `assert`.
//! - `await` binds to the whole postfix chain after it except a trailing `?`
//!   (`await f()?` is `Try(Await(f()))`); `await` cannot take a prefix
//!   operator (`await -x` is an error), `-await x` is fine.
//! - Adjacent string literals concatenate (`"a" "b"`, also with f-strings).
//! - Rust-style `async { … }` blocks get a dedicated error suggesting a
//!   nested `async fn`.
//! - Nesting is limited: 200 levels of brackets/f-strings, 200 prefix
//!   operators in a row, 100 indented blocks ("… nested too deeply").

pub mod ast;
mod errors;
mod grammar;
mod tokens;

use chumsky::prelude::*;
use lexer::{Diagnostic, Span, Token};

/// Message of the diagnostic reported if the grammar itself failed.
pub const INTERNAL_ERROR: &str = "internal parser error";

/// Parses a whole module. The module is `Some` when parsing succeeded (there
/// may still be warnings); errors are diagnostics with spans.
pub fn parse_module(tokens: &[(Token, Span)], src_len: usize) -> (Option<ast::Module>, Vec<Diagnostic>) {
    let mut flat = Vec::with_capacity(tokens.len() + 1);
    tokens::flatten(tokens, &mut flat);
    if let Some(d) = tokens::check_depth(&flat) {
        return (None, vec![d]);
    }
    let eoi = SimpleSpan::from(src_len..src_len);
    // The grammar is not expected to panic (it is fuzzed); should it ever,
    // report an internal error instead of taking the interpreter down.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let parser = grammar::stmt::module();
        parser.parse(flat.as_slice().split_token_span(eoi)).into_output_errors()
    }));
    let Ok((module, errs)) = parsed else {
        let span = tokens.first().map(|(_, s)| *s).unwrap_or_default();
        return (None, vec![Diagnostic::error(span, INTERNAL_ERROR)]);
    };

    let mut diags: Vec<Diagnostic> = Vec::new();
    for e in &errs {
        let d = errors::to_diagnostic(e, src_len);
        // Recovery may report the same problem twice; keep the first.
        if !diags.iter().any(|x| x.span == d.span && x.message == d.message) {
            diags.push(d);
        }
    }
    diags.sort_by_key(|d| (d.span.lo, d.span.hi));
    let module = if diags.iter().any(Diagnostic::is_error) { None } else { module };
    (module, diags)
}

/// Convenience: lex + parse source text (used by tests and the REPL).
pub fn parse_source(src: &str) -> (Option<ast::Module>, Vec<Diagnostic>) {
    let (tokens, mut diags) = lexer::lex(src);
    let (module, more) = parse_module(&tokens, src.len());
    diags.extend(more);
    let module = if diags.iter().any(Diagnostic::is_error) { None } else { module };
    (module, diags)
}
