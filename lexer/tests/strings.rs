//! String literals, escapes and f-string parts.
mod common;

use common::{at, fparts, id, one, s, toks};
use lexer::{lex, FPart, Span, Token};

fn lit(v: &str) -> FPart {
    FPart::Lit(v.to_string())
}

/// The tokens of an f-string expression part, without spans.
fn expr_tokens(part: &FPart) -> Vec<Token> {
    match part {
        FPart::Expr { tokens, .. } => tokens.iter().map(|(t, _)| t.clone()).collect(),
        FPart::Lit(l) => panic!("expected an expression part, got literal {l:?}"),
    }
}

fn conv_spec(part: &FPart) -> (Option<char>, Option<&str>) {
    match part {
        FPart::Expr { conv, spec, .. } => (*conv, spec.as_deref()),
        FPart::Lit(l) => panic!("expected an expression part, got literal {l:?}"),
    }
}

#[test]
fn quote_forms() {
    assert_eq!(one("'single'"), s("single"));
    assert_eq!(one("\"double\""), s("double"));
    assert_eq!(one("\"\""), s(""));
    assert_eq!(one("''"), s(""));
    assert_eq!(one("\"it's\""), s("it's"));
    assert_eq!(one("'say \"hi\"'"), s("say \"hi\""));
}

#[test]
fn triple_quoted_strings_span_lines() {
    assert_eq!(one("\"\"\"line1\nline2\"\"\""), s("line1\nline2"));
    assert_eq!(one("'''a 'quoted' \"x\"\n  b'''"), s("a 'quoted' \"x\"\n  b"));
    assert_eq!(one("\"\"\"\"\"\""), s(""));
    assert_eq!(one("\"\"\"a\"\"b\"\"\""), s("a\"\"b"));
    assert_eq!(one("\"\"\"crlf\r\nline\"\"\""), s("crlf\nline"));
}

#[test]
fn escapes() {
    assert_eq!(one(r#""a\nb\tc\rd\0e""#), s("a\nb\tc\rd\0e"));
    assert_eq!(one(r#""back\\slash \" \'""#), s("back\\slash \" '"));
    assert_eq!(one(r"'it\'s'"), s("it's"));
    assert_eq!(one(r#""fire: \u{1F525}""#), s("fire: \u{1F525}"));
    assert_eq!(one(r#""\u{41}\u{e9}""#), s("Aé"));
    assert_eq!(one(r#""\x41\x7a\xE9""#), s("Azé"));
}

#[test]
fn backslash_newline_continues_the_string() {
    assert_eq!(toks("x = \"abc\\\ndef\"\n"), vec![id("x"), Token::Eq, s("abcdef"), Token::Newline]);
    assert_eq!(one("\"\"\"one \\\ntwo\"\"\""), s("one two"));
    assert_eq!(one("'crlf \\\r\nnext'"), s("crlf next"));
}

#[test]
fn raw_strings_keep_backslashes() {
    assert_eq!(one(r#"r"a\nb\q""#), s(r"a\nb\q"));
    assert_eq!(one(r#"R'\d+'"#), s(r"\d+"));
    assert_eq!(one(r#"r"say \"hi\"""#), s(r#"say \"hi\""#));
}

#[test]
fn string_spans_cover_prefix_and_quotes() {
    let src = "x = f\"{a}\" + r'b'";
    let (tokens, _) = lex(src);
    let spans: Vec<&str> = tokens.iter().map(|(_, sp)| at(src, *sp)).collect();
    assert_eq!(spans, ["x", "=", "f\"{a}\"", "+", "r'b'", ""]);
}

#[test]
fn fstring_plain_fields() {
    let parts = fparts(r#"f"Hello {name}, {n + 1}!""#);
    assert_eq!(parts.len(), 5);
    assert_eq!(parts[0], lit("Hello "));
    assert_eq!(expr_tokens(&parts[1]), vec![id("name")]);
    assert_eq!(parts[2], lit(", "));
    assert_eq!(expr_tokens(&parts[3]), vec![id("n"), Token::Plus, Token::Int(1)]);
    assert_eq!(parts[4], lit("!"));
}

#[test]
fn fstring_quote_forms() {
    assert_eq!(fparts("f'{x}'").len(), 1);
    assert_eq!(fparts("F\"a{x}\"").len(), 2);
    assert_eq!(fparts("f\"\"\"{x}\nline\"\"\"")[1], lit("\nline"));
    assert_eq!(fparts("f''"), vec![]);
    assert_eq!(fparts("f\"plain\""), vec![lit("plain")]);
}

#[test]
fn fstring_format_specs() {
    assert_eq!(conv_spec(&fparts("f\"{x:>6}\"")[0]), (None, Some(">6")));
    assert_eq!(conv_spec(&fparts("f\"{n:0>8b}\"")[0]), (None, Some("0>8b")));
    assert_eq!(conv_spec(&fparts("f\"{x:.2f}\"")[0]), (None, Some(".2f")));
    assert_eq!(conv_spec(&fparts("f\"{n:*>6}\"")[0]), (None, Some("*>6")));
    assert_eq!(conv_spec(&fparts("f\"{x:}\"")[0]), (None, Some("")));
    assert_eq!(conv_spec(&fparts("f\"{x:{w}}\"")[0]), (None, Some("{w}")));
}

#[test]
fn fstring_conversions() {
    assert_eq!(conv_spec(&fparts("f\"{name!r}\"")[0]), (Some('r'), None));
    assert_eq!(conv_spec(&fparts("f\"{name!s}\"")[0]), (Some('s'), None));
    assert_eq!(conv_spec(&fparts("f\"{name!r:>10}\"")[0]), (Some('r'), Some(">10")));
    assert_eq!(expr_tokens(&fparts("f\"{name!r}\"")[0]), vec![id("name")]);
}

#[test]
fn fstring_not_equal_is_not_a_conversion() {
    let parts = fparts("f\"{a != b}\"");
    assert_eq!(expr_tokens(&parts[0]), vec![id("a"), Token::NotEq, id("b")]);
    assert_eq!(conv_spec(&parts[0]), (None, None));
    let parts = fparts("f\"{a!=r}\"");
    assert_eq!(expr_tokens(&parts[0]), vec![id("a"), Token::NotEq, id("r")]);
}

#[test]
fn fstring_brace_escapes() {
    assert_eq!(fparts("f\"{{literal}}\""), vec![lit("{literal}")]);
    let parts = fparts("f\"{{literal}} {n * 2}\"");
    assert_eq!(parts[0], lit("{literal} "));
    assert_eq!(expr_tokens(&parts[1]), vec![id("n"), Token::Star, Token::Int(2)]);
    assert_eq!(fparts("f\"{{{x}}}\"")[0], lit("{"));
    assert_eq!(fparts("f\"{{{x}}}\"")[2], lit("}"));
}

#[test]
fn fstring_escapes_in_literal_text() {
    assert_eq!(fparts(r#"f"a\tb\n{x}\u{1F525}""#)[0], lit("a\tb\n"));
    assert_eq!(fparts(r#"f"a\tb\n{x}\u{1F525}""#)[2], lit("\u{1F525}"));
    assert_eq!(fparts(r#"rf"\d{x}""#)[0], lit(r"\d"));
}

#[test]
fn fstring_nested_strings_and_brackets() {
    let parts = fparts(r#"f"{d["k"]}""#);
    assert_eq!(expr_tokens(&parts[0]), vec![id("d"), Token::LBracket, s("k"), Token::RBracket]);
    let parts = fparts(r#"f"{ {'a': 1}['a'] }""#);
    assert_eq!(
        expr_tokens(&parts[0]),
        vec![
            Token::LBrace,
            s("a"),
            Token::Colon,
            Token::Int(1),
            Token::RBrace,
            Token::LBracket,
            s("a"),
            Token::RBracket
        ]
    );
    let parts = fparts(r#"f"{'}' + "{"}""#);
    assert_eq!(expr_tokens(&parts[0]), vec![s("}"), Token::Plus, s("{")]);
    let parts = fparts(r#"f"{f(a, b=[1, 2])[0]:>4}""#);
    assert_eq!(conv_spec(&parts[0]), (None, Some(">4")));
    // A `:` inside brackets is not the spec.
    let parts = fparts(r#"f"{xs[1:2]}""#);
    assert_eq!(conv_spec(&parts[0]), (None, None));
}

#[test]
fn fstring_nested_fstring() {
    let parts = fparts(r#"f"a{f"<{x!r}>"}b""#);
    assert_eq!(parts.len(), 3);
    let inner = expr_tokens(&parts[1]);
    let [Token::FString(inner)] = inner.as_slice() else { panic!("{inner:?}") };
    assert_eq!(inner[0], lit("<"));
    assert_eq!(conv_spec(&inner[1]), (Some('r'), None));
    assert_eq!(inner[2], lit(">"));
}

#[test]
fn fstring_expression_spans_are_absolute() {
    let src = "print(f\"x = {a + bb:>6}\")";
    let (tokens, diags) = lex(src);
    assert!(diags.is_empty());
    let Token::FString(parts) = &tokens[2].0 else { panic!() };
    let FPart::Expr { tokens, span, .. } = &parts[1] else { panic!() };
    assert_eq!(at(src, *span), "a + bb");
    let texts: Vec<&str> = tokens.iter().map(|(_, sp)| at(src, *sp)).collect();
    assert_eq!(texts, ["a", "+", "bb"]);
}

#[test]
fn fstring_expression_may_span_lines_in_triple_quotes() {
    let src = "f\"\"\"{foo(\n  1,\n  2)}\"\"\"";
    let parts = fparts(src);
    assert_eq!(
        expr_tokens(&parts[0]),
        vec![id("foo"), Token::LParen, Token::Int(1), Token::Comma, Token::Int(2), Token::RParen]
    );
}

#[test]
fn fstring_expression_has_no_layout_tokens() {
    let parts = fparts("f'''{a +\n    b}'''");
    assert_eq!(expr_tokens(&parts[0]), vec![id("a"), Token::Plus, id("b")]);
}

#[test]
fn fstrings_from_the_conformance_suite() {
    let src = r#"f"[{n:5}] [{n:<5}] [{n:^6}] [{n:*>6}]""#;
    let specs: Vec<_> = fparts(src)
        .iter()
        .filter(|p| matches!(p, FPart::Expr { .. }))
        .map(|p| conv_spec(p).1.unwrap().to_string())
        .collect();
    assert_eq!(specs, ["5", "<5", "^6", "*>6"]);
    let src = r#"f"{0.256:%} {0.256:.1%} {1234.5:e} {255:x}""#;
    let parts = fparts(src);
    assert_eq!(expr_tokens(&parts[0]), vec![Token::Float(0.256)]);
    assert_eq!(conv_spec(&parts[2]), (None, Some(".1%")));
    let parts = fparts(r#"f"Worker {id} took {secs:.2f}s""#);
    assert_eq!(parts[4], lit("s"));
    assert_eq!(lex("print(f\"{Some(3)}\")").0[2].1, Span::new(6, 18));
}
