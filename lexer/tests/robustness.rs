//! The lexer never panics and only produces valid spans, whatever the input:
//! thousands of deterministic pseudo-random mutations and truncations of
//! sample programs, plus pathological nesting.

use lexer::{lex, FPart, Span, Token};
use std::path::Path;

/// xorshift64*: tiny, deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const SAMPLES: &[&str] = &[
    "fn main():\n    let name = \"Ada\"\n    print(f\"Hello {name!r:>8}, {n + 1}! {{x}} {d[\"k\"]} {a != b}\")\n",
    "async def f(x: Int, y: List[Int] = [1, 2]) -> Int:\n    if x >= 0x1f and not y:\n        return x // 2 ** 3\n    elif x:\n        pass\n    else:\n        raise ValueError('bad \\u{1F525} \\x41')\n    return 0\n",
    "struct P:\n    var x: Float\n    fn __init__(out self, x: Float):\n        self.x = 1_000.5e-3\n\nfor i in 0..=10:\n    match i:\n        case 1 | 2:\n            print(i)\n        case _:\n            continue\n",
    "let s = \"\"\"multi\nline {not a field}\n\"\"\"\nlet t = f'''{\n  a +\n  b:0>8b}'''\nx = (1,\n  2) # comment\ny = 1 + \\\n  2\n",
    "let w = f\"{f'{x!s}'} {xs[1:2]} {'}' + \"{\"} {{{y}}}\"\nlet r = r\"\\d+\\\"\" ; z = é + 日本\n",
    "try:\n\tx = 1\nexcept Error as e:\n  y\n    z\n w\n",
];

const FRAGMENTS: &[&str] = &[
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "f\"",
    "f'",
    "rf\"",
    "{",
    "}",
    "{{",
    "}}",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    "#",
    "!",
    "!r",
    ":",
    "::",
    "\\u{",
    "\\x",
    "é",
    "🔥",
    "\u{301}",
    "\0",
    "(",
    ")",
    "[",
    "]",
    "..",
    "...",
    "0x",
    "0b2",
    "1e",
    "9999999999999999999999",
    "$",
    "`",
    "\u{FEFF}",
    "\\\n",
    "f\"{",
];

/// Cuts `s` to at most `n` bytes, on a char boundary.
fn floor(s: &str, mut n: usize) -> usize {
    n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut s = src.to_string();
    for _ in 0..1 + rng.below(4) {
        let a = floor(&s, rng.below(s.len() + 1));
        let b = floor(&s, a + rng.below(12));
        match rng.below(6) {
            0 => s.truncate(a),
            1 => s.replace_range(a..b, ""),
            2 => s.insert_str(a, FRAGMENTS[rng.below(FRAGMENTS.len())]),
            3 => {
                let piece = s[a..b].to_string();
                s.insert_str(b, &piece);
            }
            4 => {
                // Flip a byte and repair the UTF-8 the way a file reader might.
                let mut bytes = s.into_bytes();
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
                s = String::from_utf8_lossy(&bytes).into_owned();
            }
            _ => {
                let c = char::from_u32(rng.below(0x3000) as u32).unwrap_or('\u{FFFD}');
                s.insert(a, c);
            }
        }
    }
    s
}

fn check_span(src: &str, span: Span, what: &str) {
    let (lo, hi) = (span.lo as usize, span.hi as usize);
    assert!(lo <= hi && hi <= src.len(), "{what} span {span:?} out of range in {src:?}");
    assert!(src.is_char_boundary(lo) && src.is_char_boundary(hi), "{what} span {span:?} splits a char in {src:?}");
}

fn check_tokens(src: &str, tokens: &[(Token, Span)]) {
    let mut last = 0;
    for (tok, span) in tokens {
        check_span(src, *span, "token");
        assert!(span.lo >= last, "tokens out of order at {span:?} in {src:?}");
        last = span.lo;
        if let Token::FString(parts) = tok {
            for part in parts {
                if let FPart::Expr { tokens, span: expr, .. } = part {
                    check_span(src, *expr, "f-string expression");
                    assert!(expr.lo >= span.lo && expr.hi <= span.hi, "expression outside its f-string in {src:?}");
                    check_tokens(src, tokens);
                }
            }
        }
    }
}

/// Lexes `src` and checks every invariant the parser relies on.
fn check(src: &str) {
    let result = std::panic::catch_unwind(|| lex(src));
    let Ok((tokens, diags)) = result else { panic!("lexer panicked on {src:?}") };
    check_tokens(src, &tokens);
    for d in &diags {
        check_span(src, d.span, "diagnostic");
        let _ = d.render("fuzz.mojo", src, false);
    }
    let mut open = 0i64;
    for (tok, _) in &tokens {
        match tok {
            Token::Indent => open += 1,
            Token::Dedent => open -= 1,
            _ => {}
        }
        assert!(open >= 0, "Dedent without Indent in {src:?}");
    }
    assert_eq!(open, 0, "unbalanced Indent/Dedent in {src:?}");
}

fn samples() -> Vec<String> {
    let mut all: Vec<String> = SAMPLES.iter().map(|s| s.to_string()).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/async");
    let mut names: Vec<_> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "mojo")).take(20) {
        if let Ok(text) = std::fs::read_to_string(path) {
            all.push(text);
        }
    }
    all
}

#[test]
fn every_truncation_of_the_samples() {
    for src in SAMPLES {
        for (i, _) in src.char_indices() {
            check(&src[..i]);
            check(&src[i..]);
        }
    }
}

/// `LEXER_FUZZ_ROUNDS=1000000 cargo test -p lexer --release --test robustness`
/// fuzzes for longer (and `LEXER_FUZZ_SEED` picks another sequence).
fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn random_mutations_never_panic() {
    let samples = samples();
    let mut rng = Rng(env_or("LEXER_FUZZ_SEED", 0x9E37_79B9_7F4A_7C15) | 1);
    for round in 0..env_or("LEXER_FUZZ_ROUNDS", 6000) as usize {
        let base = &samples[round % samples.len()];
        let mut src = mutate(&mut rng, base);
        if rng.below(3) == 0 {
            src = mutate(&mut rng, &src);
        }
        check(&src);
    }
}

#[test]
fn random_fragment_soup_never_panics() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let mut src = String::new();
        for _ in 0..rng.below(40) {
            src.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            if rng.below(3) == 0 {
                src.push_str(["x", " ", "1", "y.z", "=", "+"][rng.below(6)]);
            }
        }
        check(&src);
    }
}

#[test]
fn deeply_nested_fstrings() {
    let mut src = "x".to_string();
    for i in 0..200 {
        let q = if i % 2 == 0 { '"' } else { '\'' };
        src = format!("f{q}<{{{src}}}>{q}");
    }
    check(&src);
    check(&src[..src.len() / 2]);
    let (_, diags) = lex(&src);
    assert!(diags.iter().any(|d| d.message == "f-strings are nested too deeply"));
    // Within the limit, nesting is fine.
    let mut src = "x".to_string();
    for _ in 0..10 {
        src = format!("f\"<{{{src}}}>\"");
    }
    assert!(lex(&src).1.is_empty());
}

#[test]
fn deeply_nested_brackets() {
    let deep = "(".repeat(100_000);
    check(&deep);
    check(&format!("f\"{{{deep}}}\""));
    check(&format!("f\"{{{}{}}}\"", "[".repeat(50_000), "]".repeat(50_000)));
    check(&"{".repeat(50_000));
    check(&format!("f\"{}\"", "{".repeat(50_000)));
    check(&"}".repeat(50_000));
}

#[test]
fn deep_indentation_and_long_lines() {
    let mut src = String::new();
    for i in 0..2000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    check(&src);
    check(&"\"".repeat(100_001));
    check(&"'''".repeat(10_001));
    check(&"f'{".repeat(20_000));
}
