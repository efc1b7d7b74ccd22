//! String literals: prefixes and quotes, where a literal ends, and escape
//! processing. The *extent* logic (`scan_body`) is shared by plain strings,
//! f-strings and the f-string field scanner, so all three agree on where a
//! nested string stops. Every position here is a char boundary of `text`.

use crate::fstring::{scan_field, Field};
use crate::scan::Cx;
use crate::{Diagnostic, Token};
use std::ops::Range;

/// f-strings nested deeper than this are read as plain text (with an error),
/// which bounds the recursion of both scanning and lexing.
pub(crate) const MAX_FSTRING_DEPTH: u32 = 16;

/// How many bytes, per file, failed attempts at reading a nested literal may
/// still cost before f-string error recovery stops trying (it keeps
/// pathological inputs linear).
pub(crate) type Budget = std::cell::Cell<usize>;

/// The opening of a string literal: prefix flags and the quote.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Opening {
    pub raw: bool,
    pub fmt: bool,
    pub quote: char,
    pub triple: bool,
    /// Offset of the (first) opening quote character.
    pub quote_pos: usize,
    /// Offset just after the opening quote(s).
    pub body: usize,
}

/// Reads the prefix letters and quote(s) of a literal starting at `start`.
pub(crate) fn opening(text: &str, start: usize) -> Opening {
    let bytes = text.as_bytes();
    let (mut raw, mut fmt) = (false, false);
    let mut i = start;
    while let Some(b) = bytes.get(i) {
        match b {
            b'r' | b'R' => raw = true,
            b'f' | b'F' => fmt = true,
            _ => break,
        }
        i += 1;
    }
    let quote = match bytes.get(i) {
        Some(b'\'') => '\'',
        Some(b'"') => '"',
        // Callers only start here at a quote; stay well-formed regardless.
        _ => return Opening { raw, fmt, quote: '"', triple: false, quote_pos: i, body: i },
    };
    let q = quote as u8;
    let triple = bytes.get(i + 1) == Some(&q) && bytes.get(i + 2) == Some(&q);
    let body = i + if triple { 3 } else { 1 };
    Opening { raw, fmt, quote, triple, quote_pos: i, body }
}

/// One piece of a literal's body: raw literal text (escapes unprocessed) or
/// an f-string replacement field.
pub(crate) enum Piece {
    Lit(Range<usize>),
    Field(Field),
}

pub(crate) struct Body {
    pub pieces: Vec<Piece>,
    /// Offset after the closing quote(s), or where scanning stopped.
    pub end: usize,
    pub terminated: bool,
}

pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// Splits a literal body into pieces and finds its end. A single-quoted
/// literal stops (unterminated) at a newline; a triple-quoted one at EOF.
///
/// `recover` is given only for the literal actually being lexed (not for
/// nested literals being skipped): see `fstring::nested_string`. Without it
/// the scan reads each character once, so skipping nested literals stays
/// linear however deep they go.
pub(crate) fn scan_body(text: &str, op: &Opening, depth: u32, recover: Option<&Budget>) -> Body {
    let fmt = op.fmt && depth < MAX_FSTRING_DEPTH;
    let qlen = if op.triple { 3 } else { 1 };
    let mut pieces = Vec::new();
    let mut pos = op.body;
    let mut lit_start = pos;
    loop {
        let Some(c) = char_at(text, pos) else {
            pieces.push(Piece::Lit(lit_start..text.len()));
            return Body { pieces, end: text.len(), terminated: false };
        };
        if c == op.quote && closes_at(text, pos, op) {
            pieces.push(Piece::Lit(lit_start..pos));
            return Body { pieces, end: pos + qlen, terminated: true };
        }
        match c {
            '\n' if !op.triple => {
                // End of line, not counting the `\r` of a CRLF.
                let stop = if pos > lit_start && text.as_bytes()[pos - 1] == b'\r' { pos - 1 } else { pos };
                pieces.push(Piece::Lit(lit_start..stop));
                return Body { pieces, end: stop, terminated: false };
            }
            '\\' => pos += escape_len(text, pos, op.raw),
            '{' if fmt => {
                if char_at(text, pos + 1) == Some('{') {
                    pos += 2;
                } else {
                    pieces.push(Piece::Lit(lit_start..pos));
                    let field = scan_field(text, pos, op, depth, recover);
                    pos = field.end;
                    lit_start = pos;
                    pieces.push(Piece::Field(field));
                }
            }
            _ => pos += c.len_utf8(),
        }
    }
}

/// Whether the literal's closing delimiter starts at `pos`.
pub(crate) fn closes_at(text: &str, pos: usize, op: &Opening) -> bool {
    let q = op.quote as u8;
    let b = text.as_bytes();
    if op.triple {
        b.get(pos..pos + 3).is_some_and(|s| s.iter().all(|&x| x == q))
    } else {
        b.get(pos) == Some(&q)
    }
}

/// Where the literal starting at `start` (prefix included) ends, and whether
/// it was closed. Used to skip strings nested in f-string fields.
pub(crate) fn string_extent(text: &str, start: usize, depth: u32) -> (usize, bool) {
    let op = opening(text, start);
    let body = scan_body(text, &op, depth, None);
    (body.end, body.terminated)
}

/// Length in bytes of the escape sequence starting with the `\` at `pos`.
/// In raw literals a backslash only protects a following quote, backslash
/// or newline from ending the literal (both characters are kept).
pub(crate) fn escape_len(text: &str, pos: usize, raw: bool) -> usize {
    let b = text.as_bytes();
    let Some(next) = char_at(text, pos + 1) else {
        return 1;
    };
    if next == '\r' && b.get(pos + 2) == Some(&b'\n') {
        return 3;
    }
    if raw {
        return match next {
            '\\' | '"' | '\'' | '\n' => 2,
            _ => 1,
        };
    }
    match next {
        'u' if b.get(pos + 2) == Some(&b'{') => {
            let mut i = pos + 3;
            while b.get(i).is_some_and(u8::is_ascii_hexdigit) {
                i += 1;
            }
            if b.get(i) == Some(&b'}') {
                i += 1;
            }
            i - pos
        }
        'x' => 2 + b[pos + 2..].iter().take(2).take_while(|c| c.is_ascii_hexdigit()).count(),
        c => 1 + c.len_utf8(),
    }
}

/// Decodes the escape sequence `seq` (starting with `\`) found at `pos`.
fn decode_escape(cx: &Cx, pos: usize, seq: &str, out: &mut String, diags: &mut Vec<Diagnostic>) {
    let mut chars = seq.chars();
    chars.next();
    let Some(kind) = chars.next() else {
        out.push('\\');
        return;
    };
    let simple = match kind {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        '0' => Some('\0'),
        '\\' => Some('\\'),
        '"' => Some('"'),
        '\'' => Some('\''),
        _ => None,
    };
    if let Some(c) = simple {
        out.push(c);
        return;
    }
    let span = cx.span(pos, pos + seq.len());
    match kind {
        '\n' | '\r' => {} // backslash-newline continues the line
        'u' => {
            let hex = seq.strip_prefix("\\u{").and_then(|s| s.strip_suffix('}'));
            let c = hex
                .filter(|h| (1..=6).contains(&h.len()))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32);
            match c {
                Some(c) => out.push(c),
                None => diags.push(Diagnostic::error(span, format!("invalid unicode escape `{seq}`")).with_help(
                    "write `\\u{` and 1 to 6 hex digits of a Unicode scalar value, then `}`, e.g. `\\u{1F525}`",
                )),
            }
        }
        'x' => match u8::from_str_radix(&seq[2..], 16) {
            Ok(v) if seq.len() == 4 => out.push(char::from(v)),
            _ => diags.push(
                Diagnostic::error(span, format!("invalid escape `{seq}`"))
                    .with_help("`\\x` takes exactly two hex digits, e.g. `\\x41`"),
            ),
        },
        _ => {
            diags.push(Diagnostic::error(span, format!("unknown escape sequence `{seq}`")).with_help(
                "the escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\u{...} \\xNN; write `\\\\` for a backslash",
            ));
            out.push_str(seq);
        }
    }
}

/// Appends the processed text of `r` to `out`: escapes (unless `raw`),
/// CRLF as `\n`, and in f-strings `{{`/`}}` (a lone `}` is an error).
pub(crate) fn process_literal(
    cx: &Cx,
    r: Range<usize>,
    raw: bool,
    fstring: bool,
    out: &mut String,
    diags: &mut Vec<Diagnostic>,
) {
    let text = cx.text;
    let mut pos = r.start;
    while pos < r.end {
        let Some(c) = char_at(text, pos) else { break };
        let next = if pos + c.len_utf8() < r.end { char_at(text, pos + c.len_utf8()) } else { None };
        match c {
            '\\' => {
                let n = escape_len(text, pos, raw).min(r.end - pos);
                let seq = &text[pos..pos + n];
                if raw {
                    out.push_str(&seq.replace("\r\n", "\n"));
                } else {
                    decode_escape(cx, pos, seq, out, diags);
                }
                pos += n;
                continue;
            }
            '\r' if next == Some('\n') => {
                out.push('\n');
                pos += 2;
                continue;
            }
            '{' | '}' if fstring && next == Some(c) => {
                out.push(c);
                pos += 2;
                continue;
            }
            '}' if fstring => diags.push(
                Diagnostic::error(cx.span(pos, pos + 1), "single `}` is not allowed in an f-string")
                    .with_help("write `}}` for a literal brace"),
            ),
            _ => out.push(c),
        }
        pos += c.len_utf8();
    }
}

pub(crate) fn unterminated(cx: &Cx, op: &Opening, end: usize) -> Diagnostic {
    Diagnostic::error(cx.span(op.quote_pos, end), "unterminated string literal").with_help("add the closing quote")
}

/// A plain (non-f) string literal; returns the token and the offset after it.
pub(crate) fn lex_plain(cx: &Cx, op: &Opening, diags: &mut Vec<Diagnostic>) -> (Token, usize) {
    let body = scan_body(cx.text, op, cx.depth, Some(cx.budget));
    let mut out = String::new();
    for piece in &body.pieces {
        if let Piece::Lit(r) = piece {
            process_literal(cx, r.clone(), op.raw, false, &mut out, diags);
        }
    }
    if !body.terminated {
        diags.push(unterminated(cx, op, body.end));
    }
    (Token::Str(out), body.end)
}
