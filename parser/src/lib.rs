//! mojolite's parser: `(Token, Span)` pairs to an AST (`ast.rs`) with a
//! chumsky grammar. Parsing never panics: it returns the tree it could build
//! and every error it found, as `Diagnostic`s.

pub mod ast;

use lexer::{Diagnostic, Span, Token};

/// Parses a whole module. The module is `Some` when parsing succeeded (there
/// may still be warnings); errors are diagnostics with spans.
pub fn parse_module(tokens: &[(Token, Span)], src_len: usize) -> (Option<ast::Module>, Vec<Diagnostic>) {
    let _ = (tokens, src_len);
    todo!("parser")
}

/// Convenience: lex + parse source text (used by tests and the REPL).
pub fn parse_source(src: &str) -> (Option<ast::Module>, Vec<Diagnostic>) {
    let (tokens, mut diags) = lexer::lex(src);
    let (module, more) = parse_module(&tokens, src.len());
    diags.extend(more);
    (module, diags)
}
