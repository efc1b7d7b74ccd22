//! Parsing never panics and never overflows the stack: pseudo-random token
//! soups, truncated and mutated conformance programs, and pathological
//! nesting. A tiny xorshift PRNG keeps every run deterministic.

use lexer::{FPart, Span, Token};
use std::panic::{catch_unwind, AssertUnwindSafe};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn alphabet() -> Vec<Token> {
    use Token::*;
    vec![
        Ident("x".into()),
        Ident("Some".into()),
        Ident("_".into()),
        Ident("assert".into()),
        Ident("out".into()),
        Int(1),
        Float(2.5),
        Str("s".into()),
        Fn,
        Def,
        Async,
        Await,
        Let,
        Var,
        Struct,
        Trait,
        Alias,
        Return,
        If,
        Elif,
        Else,
        While,
        For,
        In,
        Break,
        Continue,
        Match,
        Case,
        Pass,
        Raise,
        Try,
        Except,
        Finally,
        With,
        As,
        And,
        Or,
        Not,
        Import,
        From,
        True,
        False,
        None,
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
        Newline,
        Newline,
        Newline,
        Indent,
        Dedent,
        Indent,
        Dedent,
    ]
}

fn random_tokens(rng: &mut Rng, alpha: &[Token], len: usize, pos: &mut usize, depth: usize) -> Vec<(Token, Span)> {
    let mut out = Vec::with_capacity(len);
    for _ in 0..len {
        let lo = *pos;
        *pos += 1 + rng.below(3);
        let tok = if depth < 3 && rng.below(40) == 0 {
            let n = rng.below(4);
            let mut parts = Vec::new();
            for _ in 0..n {
                if rng.below(2) == 0 {
                    parts.push(FPart::Lit("lit".into()));
                } else {
                    let start = *pos;
                    let inner_len = rng.below(6);
                    let tokens = random_tokens(rng, alpha, inner_len, pos, depth + 1);
                    parts.push(FPart::Expr {
                        tokens,
                        conv: if rng.below(3) == 0 { Some('r') } else { None },
                        spec: if rng.below(3) == 0 { Some(".2f".into()) } else { None },
                        span: Span::new(start, *pos),
                    });
                }
            }
            *pos += 1;
            Token::FString(parts)
        } else {
            alpha[rng.below(alpha.len())].clone()
        };
        out.push((tok, Span::new(lo, *pos)));
    }
    out
}

fn no_panic(tokens: &[(Token, Span)], src_len: usize, what: &str) {
    let r = catch_unwind(AssertUnwindSafe(|| parser::parse_module(tokens, src_len)));
    let Ok((_, diags)) = r else { panic!("parser panicked on {what}: {tokens:?}") };
    assert!(diags.iter().all(|d| d.message != parser::INTERNAL_ERROR), "internal error on {what}: {tokens:?}");
}

#[test]
fn random_token_soup_never_panics() {
    let alpha = alphabet();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let len = rng.below(40);
        let mut pos = 0;
        let mut toks = random_tokens(&mut rng, &alpha, len, &mut pos, 0);
        if i % 2 == 0 {
            toks.push((Token::Newline, Span::new(pos, pos)));
        }
        no_panic(&toks, pos, &format!("soup #{i}"));
    }
}

/// Sixty of the repository's golden programs, from every folder.
fn conformance_sources() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden");
    let mut v: Vec<_> = ["core", "async", "io", "stdlib", "modules"]
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flat_map(|d| d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "mojo")))
        .collect();
    v.sort();
    let step = (v.len() / 60).max(1);
    v.iter().step_by(step).filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

#[test]
fn truncated_and_mutated_programs_never_panic() {
    let srcs = conformance_sources();
    assert!(!srcs.is_empty());
    let alpha = alphabet();
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for (k, src) in srcs.iter().enumerate() {
        let (tokens, _) = lexer::lex(src);
        // Every token-level truncation (strided for long programs).
        let step = (tokens.len() / 30).max(1);
        for n in (0..tokens.len()).step_by(step) {
            no_panic(&tokens[..n], src.len(), &format!("program {k} cut at token {n}"));
        }
        // Source-level truncations go through the lexer too.
        for cut in (0..src.len()).step_by((src.len() / 8).max(1)) {
            if src.is_char_boundary(cut) {
                let _ = catch_unwind(|| parser::parse_source(&src[..cut])).expect("parse_source panicked");
            }
        }
        // Random deletions, duplications and replacements.
        for _ in 0..20 {
            let mut t = tokens.clone();
            for _ in 0..1 + rng.below(4) {
                if t.is_empty() {
                    break;
                }
                let i = rng.below(t.len());
                match rng.below(3) {
                    0 => {
                        t.remove(i);
                    }
                    1 => {
                        let dup = t[i].clone();
                        t.insert(i, dup);
                    }
                    _ => t[i].0 = alpha[rng.below(alpha.len())].clone(),
                }
            }
            no_panic(&t, src.len(), &format!("mutated program {k}"));
        }
    }
}

fn nested(open: &str, close: &str, n: usize) -> String {
    format!("x = {}1{}\n", open.repeat(n), close.repeat(n))
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{1: ", "}"), ("f(", ")")] {
        let src = nested(open, close, 10_000);
        let (module, diags) = parser::parse_source(&src);
        assert!(module.is_none(), "{open}");
        assert!(diags.iter().any(|d| d.message == "expression nested too deeply"), "{open}: {diags:?}");
        // Unclosed, too.
        let src = format!("x = {}\n", open.repeat(10_000));
        let _ = parser::parse_source(&src);
    }
    for op in ["-", "not ", "~", "await "] {
        let src = format!("x = {}1\n", op.repeat(10_000));
        let (module, diags) = parser::parse_source(&src);
        assert!(module.is_none());
        assert!(diags.iter().any(|d| d.message == "expression nested too deeply"), "{op}");
    }
    // Deep block nesting.
    let mut src = String::new();
    for i in 0..150 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(150));
    src.push_str("pass\n");
    let (module, diags) = parser::parse_source(&src);
    assert!(module.is_none());
    assert!(diags.iter().any(|d| d.message == "blocks nested too deeply"), "{diags:?}");
}

/// Inputs nested just under the limits, one per nesting construct.
fn deep_but_legal() -> Vec<String> {
    let n = 190;
    let mut blocks = String::new();
    for i in 0..90 {
        blocks.push_str(&" ".repeat(i));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(90));
    blocks.push_str("pass\n");
    vec![
        nested("(", ")", n),
        nested("[", "]", n),
        nested("{1: ", "}", n),
        nested("f(", ")", n),
        nested("a[", "]", n),
        nested("(1, ", ")", n),
        format!("match x:\n    case {}1{}:\n        pass\n", "[".repeat(n), "]".repeat(n)),
        format!("match x:\n    case {}y{}:\n        pass\n", "Some(".repeat(n), ")".repeat(n)),
        format!("let x: {}Int{} = 1\n", "List[".repeat(n), "]".repeat(n)),
        format!("let {}x{} = 1\n", "(".repeat(n), ")".repeat(n)),
        format!("x = {}1\n", "-".repeat(n)),
        format!("x = {}\n", vec!["2"; 500].join(" ** ")),
        format!("x = {}\n", vec!["a if c else b"; 300].join(" if d else ")),
        format!("x = {}\n", "f\"{".repeat(4) + "1" + &"}\"".repeat(4)),
        blocks,
    ]
}

#[test]
fn nesting_just_under_the_limits_parses_on_a_small_stack() {
    // A 256 KiB thread: far smaller than any thread the interpreter uses.
    for (i, src) in deep_but_legal().into_iter().enumerate() {
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || {
                let (module, diags) = parser::parse_source(&src);
                assert!(module.is_some(), "case {i}: {diags:?}");
            })
            .unwrap()
            .join()
            .unwrap();
    }
}

#[test]
fn empty_and_layout_only_inputs() {
    assert_eq!(parser::parse_module(&[], 0).0.map(|m| m.body.len()), Some(0));
    let nl = (Token::Newline, Span::new(0, 0));
    assert!(parser::parse_module(&[nl.clone(), nl.clone()], 0).0.is_some());
    for toks in [
        vec![(Token::Indent, Span::new(0, 0))],
        vec![(Token::Dedent, Span::new(0, 0))],
        vec![nl.clone(), (Token::Indent, Span::new(0, 0)), nl],
    ] {
        let _ = parser::parse_module(&toks, 0);
    }
}
