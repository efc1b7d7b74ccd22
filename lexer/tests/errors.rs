//! Every lexer diagnostic: its exact text, span and help, and that lexing
//! carries on after it.
mod common;

use common::{at, id, one_error};
use lexer::{lex, FPart, Span, Token};

#[test]
fn unexpected_characters() {
    for (src, ch) in [("a $ b", "$"), ("a ` b", "`"), ("x = ! y", "!"), ("1 € 2", "€"), ("p\u{7}q", "\u{7}")] {
        let d = one_error(src);
        assert_eq!(at(src, d.span), ch, "{src:?}");
        assert!(d.is_error());
    }
    let d = one_error("a $ b");
    assert_eq!(d.message, "unexpected character `$`");
    assert_eq!(d.span, Span::new(2, 3));
    let d = one_error("a ` b");
    assert_eq!(d.message, "unexpected character ```");
    let d = one_error("if !x:");
    assert_eq!(d.message, "unexpected character `!`");
    assert_eq!(d.help.as_deref(), Some("write `not` for logical negation; `!` only appears in `!=`"));
    assert_eq!(one_error("p\u{7}q").message, "unexpected character `\\u{7}`");
}

#[test]
fn lexing_continues_after_an_unexpected_character() {
    let (tokens, diags) = lex("a $ b\n");
    assert_eq!(diags.len(), 1);
    let kinds: Vec<Token> = tokens.into_iter().map(|(t, _)| t).collect();
    assert_eq!(kinds, vec![id("a"), id("b"), Token::Newline]);
}

#[test]
fn stray_backslash() {
    let src = "x = \\ y";
    let d = one_error(src);
    assert_eq!(d.message, "unexpected character `\\`");
    assert_eq!(d.span, Span::new(4, 5));
    assert_eq!(d.help.as_deref(), Some("a `\\` outside a string must be the last character of its line"));
}

#[test]
fn integer_too_large() {
    for src in ["x = 9223372036854775809", "x = 0xffff_ffff_ffff_ffff", "x = 123456789012345678901234567890"] {
        let (tokens, diags) = lex(src);
        assert_eq!(diags.len(), 1, "{src}");
        assert_eq!(diags[0].message, "integer literal is too large for Int (max 9223372036854775807)");
        assert_eq!(diags[0].span, Span::new(4, src.len()));
        assert_eq!(tokens[2].0, Token::Int(0));
    }
}

#[test]
fn two_to_the_63_is_left_for_the_minus() {
    // Only `-9223372036854775808` is valid; the compiler rejects it un-negated.
    let (tokens, diags) = lex("x = 9223372036854775808");
    assert!(diags.is_empty());
    assert_eq!(tokens[2].0, Token::Int(i64::MIN));
}

#[test]
fn bad_digits_in_prefixed_integers() {
    let d = one_error("0b1012");
    assert_eq!(d.message, "invalid digit `2` in binary literal");
    assert_eq!(d.span, Span::new(5, 6));
    assert_eq!(one_error("0o8").message, "invalid digit `8` in octal literal");
    assert_eq!(one_error("0xfg").message, "invalid digit `g` in hexadecimal literal");
    let d = one_error("0x");
    assert_eq!(d.message, "missing digits after `0x`");
    assert_eq!(d.span, Span::new(0, 2));
}

#[test]
fn unknown_escape() {
    let src = r#"s = "a\qb""#;
    let (tokens, diags) = lex(src);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].message, "unknown escape sequence `\\q`");
    assert_eq!(at(src, diags[0].span), "\\q");
    assert!(diags[0].help.is_some());
    assert_eq!(tokens[2].0, Token::Str("a\\qb".into()));
    let src = "'\\é'";
    assert_eq!(at(src, one_error(src).span), "\\é");
}

#[test]
fn bad_unicode_and_hex_escapes() {
    for (src, esc) in [
        (r#""\u{110000}""#, r"\u{110000}"),
        (r#""\u{}""#, r"\u{}"),
        (r#""\u41""#, r"\u"),
        (r#""\u{1234567}""#, r"\u{1234567}"),
        (r#""\u{D800}""#, r"\u{D800}"),
    ] {
        let d = one_error(src);
        assert_eq!(d.message, format!("invalid unicode escape `{esc}`"), "{src}");
        assert_eq!(at(src, d.span), esc);
    }
    let src = r#""\x4g""#;
    let d = one_error(src);
    assert_eq!(d.message, "invalid escape `\\x4`");
    assert_eq!(at(src, d.span), "\\x4");
}

#[test]
fn unterminated_single_quoted_string() {
    let src = "x = \"abc\ny = 1\n";
    let (tokens, diags) = lex(src);
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    assert_eq!(d.message, "unterminated string literal");
    assert_eq!(d.help.as_deref(), Some("add the closing quote"));
    assert_eq!(d.span, Span::new(4, 8), "from the quote to the end of its line");
    let kinds: Vec<Token> = tokens.into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        kinds,
        vec![
            id("x"),
            Token::Eq,
            Token::Str("abc".into()),
            Token::Newline,
            id("y"),
            Token::Eq,
            Token::Int(1),
            Token::Newline
        ]
    );
    let src = "'abc";
    assert_eq!(one_error(src).span, Span::new(0, 4));
    let (tokens, diags) = lex("x = 'abc\r\ny");
    assert_eq!(diags[0].span, Span::new(4, 8), "a CRLF's `\\r` is not part of the line");
    assert_eq!(tokens[2], (Token::Str("abc".into()), Span::new(4, 8)));
    assert_eq!(tokens[3], (Token::Newline, Span::new(9, 10)));
    let src = "'ends with backslash\\";
    assert_eq!(one_error(src).span, Span::new(0, src.len()));
}

#[test]
fn unterminated_triple_quoted_string_runs_to_eof() {
    let src = "x = \"\"\"abc\ny = 1\n";
    let d = one_error(src);
    assert_eq!(d.message, "unterminated string literal");
    assert_eq!(d.span, Span::new(4, src.len()));
    assert_eq!(d.help.as_deref(), Some("add the closing quote"));
}

#[test]
fn unterminated_fstring_starts_at_its_quote() {
    let src = "x = f'abc {y}\n";
    let d = one_error(src);
    assert_eq!(d.message, "unterminated string literal");
    assert_eq!(d.span, Span::new(5, 13));
}

#[test]
fn fstring_single_closing_brace() {
    let src = "f\"a } b\"";
    let d = one_error(src);
    assert_eq!(d.message, "single `}` is not allowed in an f-string");
    assert_eq!(d.help.as_deref(), Some("write `}}` for a literal brace"));
    assert_eq!(d.span, Span::new(4, 5));
    let d = one_error("f\"{x}}\"");
    assert_eq!(d.span, Span::new(5, 6));
}

#[test]
fn fstring_unclosed_brace() {
    let src = "f\"a {x\"";
    let (tokens, diags) = lex(src);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].message, "unclosed `{` in f-string");
    assert_eq!(at(src, diags[0].span), "{x");
    assert_eq!(tokens[0].1, Span::new(0, src.len()), "the f-string still ends at its quote");
    let src = "f\"{x:>5\"";
    assert_eq!(at(src, one_error(src).span), "{x:>5");
    let src = "f'{'";
    assert_eq!(at(src, one_error(src).span), "{");
}

#[test]
fn fstring_unclosed_brace_at_end_of_line() {
    let src = "f\"{x\ny";
    let (_, diags) = lex(src);
    let msgs: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(msgs, ["unterminated string literal", "unclosed `{` in f-string"]);
    assert_eq!(diags[1].span, Span::new(2, 4));
}

#[test]
fn fstring_empty_expression() {
    for src in ["f\"a {} b\"", "f\"{  }\"", "f\"{:>5}\"", "f\"{!r}\""] {
        let d = one_error(src);
        assert_eq!(d.message, "empty expression in f-string", "{src}");
        assert!(at(src, d.span).starts_with('{') && at(src, d.span).ends_with('}'), "{src}");
    }
    assert_eq!(one_error("f\"a {} b\"").span, Span::new(4, 6));
}

#[test]
fn errors_inside_fstring_expressions_have_absolute_spans() {
    let src = "x = 1\ny = f\"v={a $ b}\"";
    let d = one_error(src);
    assert_eq!(d.message, "unexpected character `$`");
    assert_eq!(at(src, d.span), "$");
    assert_eq!(d.span.lo as usize, src.find('$').unwrap());

    let src = "f\"{d['\\q']}\"";
    let d = one_error(src);
    assert_eq!(d.message, "unknown escape sequence `\\q`");
    assert_eq!(at(src, d.span), "\\q");

    let src = "f\"{99999999999999999999}\"";
    let d = one_error(src);
    assert_eq!(at(src, d.span), "99999999999999999999");

    let src = "f\"{f'{}'}\"";
    let d = one_error(src);
    assert_eq!(d.message, "empty expression in f-string");
    assert_eq!(at(src, d.span), "{}");
}

#[test]
fn fstring_error_keeps_the_other_parts() {
    let (tokens, _) = lex("f\"{a} {} {b}\"");
    let Token::FString(parts) = &tokens[0].0 else { panic!() };
    let exprs = parts.iter().filter(|p| matches!(p, FPart::Expr { .. })).count();
    assert_eq!(exprs, 2);
}

#[test]
fn unindent_mismatch() {
    let src = "if x:\n    a\n  b\n";
    let (tokens, diags) = lex(src);
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    assert_eq!(d.message, "unindent does not match any outer indentation level");
    assert_eq!(d.span, Span::new(12, 14), "spans the indentation");
    assert_eq!(d.help.as_deref(), Some("indent this line by 0 spaces to match an enclosing block"));
    // Recovery: Indent/Dedent stay balanced.
    let indents = tokens.iter().filter(|(t, _)| *t == Token::Indent).count();
    let dedents = tokens.iter().filter(|(t, _)| *t == Token::Dedent).count();
    assert_eq!(indents, dedents);
}

#[test]
fn unindent_mismatch_between_levels() {
    let src = "if x:\n    if y:\n        a\n      b\n    c\nd\n";
    let (tokens, diags) = lex(src);
    assert_eq!(diags.len(), 1);
    assert_eq!(at(src, diags[0].span), "      ");
    assert_eq!(diags[0].help.as_deref(), Some("indent this line by 0 or 4 spaces to match an enclosing block"));
    let indents = tokens.iter().filter(|(t, _)| *t == Token::Indent).count();
    let dedents = tokens.iter().filter(|(t, _)| *t == Token::Dedent).count();
    assert_eq!((indents, dedents), (2, 2));
}

#[test]
fn tab_in_indentation() {
    let src = "if x:\n\ty\n";
    let (tokens, diags) = lex(src);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].message, "tab character in indentation");
    assert_eq!(diags[0].help.as_deref(), Some("indent with spaces"));
    assert_eq!(diags[0].span, Span::new(6, 7));
    assert!(tokens.iter().any(|(t, _)| *t == Token::Indent));
    // Reported once per file, not on every tabbed line.
    let (_, diags) = lex("if x:\n\ty\n\tz\n");
    assert_eq!(diags.len(), 1);
    // A tab after the first token is ordinary whitespace.
    assert!(lex("x =\t1\n").1.is_empty());
}

#[test]
fn diagnostics_render_with_location() {
    let src = "fn main():\n    let s = \"abc\n";
    let (_, diags) = lex(src);
    let text = diags[0].render("t.mojo", src, false);
    assert!(text.contains("t.mojo:2:13"), "{text}");
    assert!(text.contains("unterminated string literal"), "{text}");
    assert!(text.contains("add the closing quote"), "{text}");
}

#[test]
fn diagnostics_are_sorted_by_position() {
    let (_, diags) = lex("f\"{a $ b} }\" $");
    let los: Vec<u32> = diags.iter().map(|d| d.span.lo).collect();
    let mut sorted = los.clone();
    sorted.sort();
    assert_eq!(los, sorted);
    assert_eq!(los.len(), 3);
}
