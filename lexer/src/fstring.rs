//! f-strings: finding each `{expr!conv:spec}` field (bracket nesting, nested
//! string literals, `!=` versus a conversion) and turning the literal into
//! `Token::FString` parts, lexing each embedded expression recursively with
//! absolute spans.

use crate::raw::is_ident_char;
use crate::scan::{lex_text, Cx};
use crate::strings::{
    char_at, closes_at, process_literal, scan_body, string_extent, unterminated, Budget, Opening, Piece,
    MAX_FSTRING_DEPTH,
};
use crate::{Diagnostic, FPart, Token};
use std::ops::Range;

/// A replacement field `{...}` located in an f-string body.
pub(crate) struct Field {
    /// Offset of the `{`.
    pub open: usize,
    /// The expression text between `{` and `!`/`:`/`}`.
    pub expr: Range<usize>,
    pub conv: Option<char>,
    /// The raw spec text after `:`.
    pub spec: Option<Range<usize>>,
    pub closed: bool,
    /// After the closing `}`, or where an unclosed field gave up (left for
    /// the literal scanner: a closing quote, a newline or EOF).
    pub end: usize,
}

/// Scans the field whose `{` is at `open` inside literal `op` at f-string
/// nesting `depth`.
pub(crate) fn scan_field(text: &str, open: usize, op: &Opening, depth: u32, recover: Option<&Budget>) -> Field {
    let mut pos = open + 1;
    let mut nest = 0usize;
    let unclosed = |stop: usize| Field { open, expr: open + 1..stop, conv: None, spec: None, closed: false, end: stop };
    loop {
        let Some(c) = char_at(text, pos) else {
            return unclosed(text.len());
        };
        match c {
            '\n' if !op.triple => return unclosed(pos),
            '"' | '\'' => match nested_string(text, pos, pos, op, depth, recover) {
                Ok(end) => pos = end,
                Err(stop) => return unclosed(stop),
            },
            c if is_ident_char(c) => {
                let word_end =
                    text[pos..].char_indices().find(|&(_, c)| !is_ident_char(c)).map_or(text.len(), |(i, _)| pos + i);
                let is_prefix = matches!(text[pos..word_end].to_ascii_lowercase().as_str(), "f" | "r" | "rf" | "fr");
                if is_prefix && matches!(char_at(text, word_end), Some('"' | '\'')) {
                    match nested_string(text, pos, word_end, op, depth, recover) {
                        Ok(end) => pos = end,
                        Err(stop) => return unclosed(stop),
                    }
                } else {
                    pos = word_end;
                }
            }
            '(' | '[' | '{' => {
                nest += 1;
                pos += 1;
            }
            ')' | ']' => {
                nest = nest.saturating_sub(1);
                pos += 1;
            }
            '}' if nest > 0 => {
                nest -= 1;
                pos += 1;
            }
            '}' => return Field { open, expr: open + 1..pos, conv: None, spec: None, closed: true, end: pos + 1 },
            '!' if nest == 0 && is_conversion(text, pos) => {
                let conv = char_at(text, pos + 1);
                let mut field = scan_spec(text, open, pos, pos + 2, op);
                field.conv = conv;
                return field;
            }
            ':' if nest == 0 => return scan_spec(text, open, pos, pos, op),
            c => pos += c.len_utf8(),
        }
    }
}

/// Skips the string literal nested in a field of `op` that starts at `start`
/// (its quote at `quote`): `Ok(end)` if it is closed, else `Err(stop)` where
/// the enclosing field gives up.
///
/// A nested literal may use the enclosing quote (`f"{d["k"]}"`). When such a
/// literal never closes, the user more likely forgot a `}` (`f"{x"`), so in
/// `recover` mode the enclosing f-string ends at that quote. Skipping
/// literals never recovers this way: the failure is propagated and the
/// characters read are consumed, which keeps scanning linear.
fn nested_string(
    text: &str,
    start: usize,
    quote: usize,
    op: &Opening,
    depth: u32,
    recover: Option<&Budget>,
) -> Result<usize, usize> {
    let budget = recover.filter(|b| b.get() > 0);
    let special = budget.is_some() && closes_at(text, quote, op);
    // A single-quoted f-string cannot outlive its line, so neither can the
    // attempt to read a nested literal in it.
    let scope =
        if special && !op.triple { text[quote..].find('\n').map_or(text, |i| &text[..quote + i]) } else { text };
    match string_extent(scope, start, depth + 1) {
        (end, true) => Ok(end),
        (end, false) if special => {
            if let Some(b) = budget {
                b.set(b.get().saturating_sub(end - start));
            }
            Err(quote)
        }
        (end, false) => Err(end),
    }
}

/// `!r` or `!s` followed by `:` or `}`; anything else (`!=`) is expression.
fn is_conversion(text: &str, pos: usize) -> bool {
    matches!(char_at(text, pos + 1), Some('r' | 's')) && matches!(char_at(text, pos + 2), Some(':' | '}'))
}

/// The tail of a field after its expression (which ends at `expr_end`):
/// at `pos` is either `}` or `:` and a raw spec running to the matching `}`.
fn scan_spec(text: &str, open: usize, expr_end: usize, pos: usize, op: &Opening) -> Field {
    let mut field = Field { open, expr: open + 1..expr_end, conv: None, spec: None, closed: false, end: pos };
    let mut i = pos;
    let spec_start = if text.as_bytes().get(i) == Some(&b':') {
        i += 1;
        Some(i)
    } else {
        None
    };
    let mut nest = 0usize;
    loop {
        let Some(c) = char_at(text, i) else {
            field.end = text.len();
            return field;
        };
        if (c == '\n' && !op.triple) || (c == op.quote && closes_at(text, i, op)) {
            field.end = i;
            return field;
        }
        match c {
            '{' => nest += 1,
            '}' if nest > 0 => nest -= 1,
            '}' => {
                field.spec = spec_start.map(|s| s..i);
                field.closed = true;
                field.end = i + 1;
                return field;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
}

/// Lexes the f-string opened by `op`; returns the token and the offset after it.
pub(crate) fn lex_fstring(cx: &Cx, op: &Opening, diags: &mut Vec<Diagnostic>) -> (Token, usize) {
    if cx.depth >= MAX_FSTRING_DEPTH {
        diags.push(
            Diagnostic::error(cx.span(op.quote_pos, op.body), "f-strings are nested too deeply")
                .with_help("move the inner f-string into a variable"),
        );
    }
    let body = scan_body(cx.text, op, cx.depth, Some(cx.budget));
    let mut parts = Vec::new();
    let mut lit = String::new();
    for piece in body.pieces {
        let field = match piece {
            Piece::Lit(r) => {
                process_literal(cx, r, op.raw, true, &mut lit, diags);
                continue;
            }
            Piece::Field(field) => field,
        };
        let whole = cx.span(field.open, field.end);
        if !field.closed {
            diags.push(
                Diagnostic::error(whole, "unclosed `{` in f-string")
                    .with_help("close the field with `}`, or write `{{` for a literal brace"),
            );
            continue;
        }
        let expr_text = &cx.text[field.expr.clone()];
        if expr_text.trim().is_empty() {
            diags.push(
                Diagnostic::error(whole, "empty expression in f-string")
                    .with_help("put an expression between the braces, or write `{{}}` for literal braces"),
            );
            continue;
        }
        if !lit.is_empty() {
            parts.push(FPart::Lit(std::mem::take(&mut lit)));
        }
        let inner = Cx { text: expr_text, base: cx.base + field.expr.start, depth: cx.depth + 1, budget: cx.budget };
        let tokens = lex_text(&inner, false, diags);
        parts.push(FPart::Expr {
            tokens,
            conv: field.conv,
            spec: field.spec.map(|r| cx.text[r].to_string()),
            span: cx.span(field.expr.start, field.expr.end),
        });
    }
    if !lit.is_empty() {
        parts.push(FPart::Lit(lit));
    }
    if !body.terminated {
        diags.push(unterminated(cx, op, body.end));
    }
    (Token::FString(parts), body.end)
}
