//! Names, keywords, numbers and operators.
mod common;

use common::{id, line, one, toks};
use lexer::{lex, Span, Token};

#[test]
fn every_keyword() {
    use Token::*;
    let src = "fn def async await let var struct trait alias return if elif else while \
               for in break continue match case pass raise try except finally with as \
               and or not import from True False None";
    let expected = vec![
        Fn, Def, Async, Await, Let, Var, Struct, Trait, Alias, Return, If, Elif, Else, While, For, In, Break, Continue,
        Match, Case, Pass, Raise, Try, Except, Finally, With, As, And, Or, Not, Import, From, True, False, None,
    ];
    assert_eq!(line(src), expected);
    for (word, tok) in src.split_whitespace().zip(&expected) {
        assert_eq!(tok.text(), word);
    }
}

#[test]
fn soft_keywords_are_names() {
    for w in ["out", "mut", "inout", "owned", "raises", "assert", "self", "Self", "spawn", "print"] {
        assert_eq!(one(w), id(w));
    }
}

#[test]
fn keyword_prefixes_and_case_are_names() {
    assert_eq!(
        line("fnx iff _if None_ none true matches cased In"),
        ["fnx", "iff", "_if", "None_", "none", "true", "matches", "cased", "In"].map(id)
    );
}

#[test]
fn identifiers() {
    assert_eq!(line("_ a_b A9 __init__ x1_2"), ["_", "a_b", "A9", "__init__", "x1_2"].map(id));
    assert_eq!(line("héllo wörld ñ café_2 日本"), ["héllo", "wörld", "ñ", "café_2", "日本"].map(id));
}

#[test]
fn integers() {
    for (src, v) in [
        ("42", 42),
        ("0", 0),
        ("1_000_000", 1_000_000),
        ("0xff", 255),
        ("0XFF", 255),
        ("0x_dead_BEEF", 0xdead_beef),
        ("0b1010", 10),
        ("0B11", 3),
        ("0o17", 15),
        ("0O777", 511),
        ("9223372036854775807", i64::MAX),
        ("0x7fffffffffffffff", i64::MAX),
    ] {
        assert_eq!(one(src), Token::Int(v), "{src}");
    }
}

#[test]
fn floats() {
    for (src, v) in [
        ("1.5", 1.5),
        ("1e9", 1e9),
        ("2.5e-3", 2.5e-3),
        ("1_000.5", 1000.5),
        ("1E+5", 1e5),
        ("0.0", 0.0),
        ("6.25", 6.25),
        ("1e999", f64::INFINITY),
    ] {
        assert_eq!(one(src), Token::Float(v), "{src}");
    }
}

#[test]
fn ranges_are_not_floats() {
    use Token::*;
    assert_eq!(line("0..n"), vec![Int(0), DotDot, id("n")]);
    assert_eq!(line("1..=5"), vec![Int(1), DotDotEq, Int(5)]);
    assert_eq!(line("1..5"), vec![Int(1), DotDot, Int(5)]);
    assert_eq!(line("x.0"), vec![id("x"), Dot, Int(0)]);
    assert_eq!(line("1.e5"), vec![Int(1), Dot, id("e5")]);
    assert_eq!(line("1.5.x"), vec![Float(1.5), Dot, id("x")]);
}

#[test]
fn every_operator() {
    use Token::*;
    let src = "+ - * / // % ** & | ^ ~ << >> = == != < > <= >= += -= *= /= //= %= \
               ( ) [ ] { } , : :: ; . .. ..= ... -> ? @";
    let expected = vec![
        Plus,
        Minus,
        Star,
        Slash,
        SlashSlash,
        Percent,
        StarStar,
        Amp,
        Pipe,
        Caret,
        Tilde,
        Shl,
        Shr,
        Eq,
        EqEq,
        NotEq,
        Lt,
        Gt,
        LtEq,
        GtEq,
        PlusEq,
        MinusEq,
        StarEq,
        SlashEq,
        SlashSlashEq,
        PercentEq,
        LParen,
        RParen,
        LBracket,
        RBracket,
        LBrace,
        RBrace,
        Comma,
        Colon,
        ColonColon,
        Semicolon,
        Dot,
        DotDot,
        DotDotEq,
        Ellipsis,
        Arrow,
        Question,
        At,
    ];
    // The whole line is one bracketed expression as far as layout goes.
    assert_eq!(line(src), expected);
    for (text, tok) in src.split_whitespace().zip(&expected) {
        assert_eq!(tok.text(), text);
    }
}

#[test]
fn operators_without_spaces_take_the_longest_match() {
    use Token::*;
    assert_eq!(line("a//=b"), vec![id("a"), SlashSlashEq, id("b")]);
    assert_eq!(line("a**-b"), vec![id("a"), StarStar, Minus, id("b")]);
    assert_eq!(line("x->y"), vec![id("x"), Arrow, id("y")]);
    assert_eq!(line("a::b"), vec![id("a"), ColonColon, id("b")]);
    assert_eq!(line("a...b"), vec![id("a"), Ellipsis, id("b")]);
    assert_eq!(line("a....b"), vec![id("a"), Ellipsis, Dot, id("b")]);
    assert_eq!(line("a<<=b"), vec![id("a"), Shl, Eq, id("b")]);
    assert_eq!(line("a!=b==c"), vec![id("a"), NotEq, id("b"), EqEq, id("c")]);
    assert_eq!(line("x?"), vec![id("x"), Question]);
}

#[test]
fn token_spans() {
    let src = "let x = 0x1f + 2.5";
    let (tokens, diags) = lex(src);
    assert!(diags.is_empty());
    let texts: Vec<&str> = tokens.iter().map(|(_, s)| &src[s.range()]).collect();
    assert_eq!(texts, ["let", "x", "=", "0x1f", "+", "2.5", ""]);
    assert_eq!(tokens.last().unwrap().1, Span::new(src.len(), src.len()));
}

#[test]
fn comments_are_skipped() {
    use Token::*;
    assert_eq!(toks("x = 1 # set x\n"), vec![id("x"), Eq, Int(1), Newline]);
    assert_eq!(toks("# only a comment"), vec![]);
    assert_eq!(toks("x # no newline at end"), vec![id("x"), Newline]);
}

#[test]
fn empty_and_whitespace_sources() {
    assert_eq!(toks(""), vec![]);
    assert_eq!(toks("\n\n   \n"), vec![]);
    assert_eq!(toks("  # indented comment\n"), vec![]);
}

#[test]
fn byte_order_mark_is_ignored() {
    assert_eq!(toks("\u{FEFF}x\n"), vec![id("x"), Token::Newline]);
}
