//! Newline / Indent / Dedent placement, blank and comment lines, line joining.
mod common;

use common::{id, toks};
use lexer::{lex, Span, Token};
use Token::*;

#[test]
fn simple_block() {
    assert_eq!(
        toks("if x:\n    y\nz\n"),
        vec![If, id("x"), Colon, Newline, Indent, id("y"), Newline, Dedent, id("z"), Newline]
    );
}

#[test]
fn nested_blocks_close_together() {
    let src = "fn main():\n    while a:\n        if b:\n            c\n    d\ne\n";
    assert_eq!(
        toks(src),
        vec![
            Fn,
            id("main"),
            LParen,
            RParen,
            Colon,
            Newline,
            Indent,
            While,
            id("a"),
            Colon,
            Newline,
            Indent,
            If,
            id("b"),
            Colon,
            Newline,
            Indent,
            id("c"),
            Newline,
            Dedent,
            Dedent,
            id("d"),
            Newline,
            Dedent,
            id("e"),
            Newline,
        ]
    );
}

#[test]
fn eof_closes_every_block_after_a_newline() {
    let src = "fn f():\n    if x:\n        y";
    let (tokens, diags) = lex(src);
    assert!(diags.is_empty());
    let end = Span::new(src.len(), src.len());
    let tail: Vec<_> = tokens[tokens.len() - 4..].to_vec();
    assert_eq!(
        tail,
        vec![(id("y"), Span::new(src.len() - 1, src.len())), (Newline, end), (Dedent, end), (Dedent, end)]
    );
}

#[test]
fn eof_after_final_newline_adds_only_dedents() {
    let src = "if x:\n    y\n";
    let (tokens, _) = lex(src);
    let end = Span::new(src.len(), src.len());
    assert_eq!(tokens[tokens.len() - 2..], [(Newline, Span::new(11, 12)), (Dedent, end)]);
}

#[test]
fn layout_token_spans() {
    let src = "if x:\n    y\nz";
    let (tokens, _) = lex(src);
    let find = |t: Token| tokens.iter().find(|(k, _)| *k == t).unwrap().1;
    assert_eq!(find(Newline), Span::new(5, 6), "Newline spans the newline character");
    assert_eq!(find(Indent), Span::new(10, 10), "Indent is zero-width at the first token");
    assert_eq!(find(Dedent), Span::new(12, 12), "Dedent is zero-width at the first token");
}

#[test]
fn blank_and_comment_lines_produce_nothing() {
    let src = "if x:\n\n    # a comment\n    y\n        # deeper comment\n\n    z\n  \n# top comment\nw\n";
    assert_eq!(
        toks(src),
        vec![If, id("x"), Colon, Newline, Indent, id("y"), Newline, id("z"), Newline, Dedent, id("w"), Newline]
    );
}

#[test]
fn newlines_inside_brackets_are_ignored() {
    let src = "x = foo(1,\n        2,\n  [3,\n4], {\n'k': 5})\ny\n";
    assert_eq!(
        toks(src),
        vec![
            id("x"),
            Eq,
            id("foo"),
            LParen,
            Int(1),
            Comma,
            Int(2),
            Comma,
            LBracket,
            Int(3),
            Comma,
            Int(4),
            RBracket,
            Comma,
            LBrace,
            Str("k".into()),
            Colon,
            Int(5),
            RBrace,
            RParen,
            Newline,
            id("y"),
            Newline,
        ]
    );
}

#[test]
fn bracket_joined_lines_do_not_change_indentation() {
    let src = "if a:\n    f(1,\n2)\n    g\n";
    assert_eq!(
        toks(src),
        vec![
            If,
            id("a"),
            Colon,
            Newline,
            Indent,
            id("f"),
            LParen,
            Int(1),
            Comma,
            Int(2),
            RParen,
            Newline,
            id("g"),
            Newline,
            Dedent
        ]
    );
}

#[test]
fn backslash_continues_a_line() {
    assert_eq!(toks("x = 1 + \\\n      2\ny\n"), vec![id("x"), Eq, Int(1), Plus, Int(2), Newline, id("y"), Newline]);
    assert_eq!(toks("x = 1 + \\\r\n2\r\n"), vec![id("x"), Eq, Int(1), Plus, Int(2), Newline]);
}

#[test]
fn crlf_line_endings() {
    assert_eq!(
        toks("if x:\r\n    y\r\nz\r\n"),
        vec![If, id("x"), Colon, Newline, Indent, id("y"), Newline, Dedent, id("z"), Newline]
    );
}

#[test]
fn unexpected_indent_is_emitted() {
    assert_eq!(toks("  x\ny\n"), vec![Indent, id("x"), Newline, Dedent, id("y"), Newline]);
    assert_eq!(toks("a\n    b\n"), vec![id("a"), Newline, Indent, id("b"), Newline, Dedent]);
}

#[test]
fn multiline_string_does_not_affect_layout() {
    let src = "if x:\n    s = \"\"\"a\nb\n  c\"\"\"\n    y\n";
    assert_eq!(
        toks(src),
        vec![
            If,
            id("x"),
            Colon,
            Newline,
            Indent,
            id("s"),
            Eq,
            Str("a\nb\n  c".into()),
            Newline,
            id("y"),
            Newline,
            Dedent
        ]
    );
}

#[test]
fn semicolons_and_single_line_blocks() {
    assert_eq!(toks("if x: y; z\n"), vec![If, id("x"), Colon, id("y"), Semicolon, id("z"), Newline]);
}

#[test]
fn unbalanced_closing_bracket_does_not_break_layout() {
    assert_eq!(toks(")\nx\n"), vec![RParen, Newline, id("x"), Newline]);
}

#[test]
fn unclosed_bracket_still_ends_the_file() {
    let src = "if x:\n    f(1,\n";
    let (tokens, _) = lex(src);
    let kinds: Vec<Token> = tokens.into_iter().map(|(t, _)| t).collect();
    assert_eq!(kinds, vec![If, id("x"), Colon, Newline, Indent, id("f"), LParen, Int(1), Comma, Newline, Dedent]);
}
