//! Number literal values: integers in four radixes (with `_` separators and
//! the i64 range check) and floats. The raw scanner has already decided the
//! literal's shape; this turns its text into a `Token`.

use crate::scan::Cx;
use crate::{Diagnostic, Token};
use std::ops::Range;

pub(crate) const TOO_LARGE: &str = "integer literal is too large for Int (max 9223372036854775807)";

/// An integer literal at `r`: `radix` 10 has no prefix, the others a
/// two-character `0x`/`0o`/`0b` prefix. Errors yield `Int(0)`.
pub(crate) fn int(cx: &Cx, r: Range<usize>, radix: u32, diags: &mut Vec<Diagnostic>) -> Token {
    let lit = &cx.text[r.clone()];
    let prefix = if radix == 10 { 0 } else { 2.min(lit.len()) };
    let kind = match radix {
        16 => "hexadecimal",
        8 => "octal",
        2 => "binary",
        _ => "decimal",
    };
    let mut value: u64 = 0;
    let mut overflow = false;
    let mut any_digit = false;
    for (i, c) in lit[prefix..].char_indices() {
        if c == '_' {
            continue;
        }
        let Some(d) = c.to_digit(radix) else {
            let at = r.start + prefix + i;
            diags.push(
                Diagnostic::error(cx.span(at, at + c.len_utf8()), format!("invalid digit `{c}` in {kind} literal"))
                    .with_help(format!("a {kind} literal uses only the digits {}", digits(radix))),
            );
            return Token::Int(0);
        };
        any_digit = true;
        match value.checked_mul(u64::from(radix)).and_then(|v| v.checked_add(u64::from(d))) {
            Some(v) => value = v,
            None => overflow = true,
        }
    }
    if !any_digit {
        diags.push(
            Diagnostic::error(cx.span(r.start, r.end), format!("missing digits after `{}`", &lit[..prefix]))
                .with_help(format!("write at least one {kind} digit, e.g. `{}1`", &lit[..prefix])),
        );
        return Token::Int(0);
    }
    match i64::try_from(value) {
        Ok(v) if !overflow => Token::Int(v),
        // 2^63 is only valid negated (`-9223372036854775808`): the lexer
        // passes it as `i64::MIN`, which no other literal can produce, and
        // the compiler rejects it unless a unary minus applies to it.
        _ if !overflow && value == 1u64 << 63 && radix == 10 => Token::Int(i64::MIN),
        _ => {
            diags.push(Diagnostic::error(cx.span(r.start, r.end), TOO_LARGE));
            Token::Int(0)
        }
    }
}

fn digits(radix: u32) -> &'static str {
    match radix {
        16 => "0-9 and a-f",
        8 => "0-7",
        2 => "0 and 1",
        _ => "0-9",
    }
}

/// A float literal (`1.5`, `1e9`, `2.5e-3`, `1_000.5`); huge exponents give
/// infinity, as in Python.
pub(crate) fn float(text: &str) -> Token {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    Token::Float(cleaned.parse().unwrap_or(0.0))
}
