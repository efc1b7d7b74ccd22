//! The lexing loop: drives the logos raw scanner over a text, turns raw
//! pieces into `Token`s (keywords, numbers, strings, f-strings), reports
//! unknown characters, and feeds the layout machine. The same loop lexes a
//! whole file and, recursively and without layout, f-string expressions.

use crate::layout::Layout;
use crate::raw::{keyword, Raw};
use crate::strings::Budget;
use crate::{fstring, numbers, strings, Diagnostic, Span, Token};
use logos::Logos;

/// The text being lexed and where it sits in the original file.
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    /// Absolute offset of `text[0]` in the file.
    pub base: usize,
    /// f-string nesting depth (0 for the file itself).
    pub depth: u32,
    /// Shared by the whole file: see `strings::Budget`.
    pub budget: &'a Budget,
}

impl Cx<'_> {
    /// An absolute span from offsets local to `text`.
    pub(crate) fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.base + lo, self.base + hi)
    }
}

/// Lexes `cx.text`; `layout` adds `Newline`/`Indent`/`Dedent`.
pub(crate) fn lex_text(cx: &Cx, layout: bool, diags: &mut Vec<Diagnostic>) -> Vec<(Token, Span)> {
    let text = cx.text;
    let mut out = Vec::new();
    let mut lay = Layout::new(layout);
    let mut lx = Raw::lexer(text);
    while let Some(item) = lx.next() {
        let r = lx.span();
        let tok = match item {
            Ok(Raw::Newline) => {
                lay.newline(cx, r, &mut out);
                continue;
            }
            Ok(Raw::LineCont) => continue,
            Ok(Raw::Backslash) => {
                if r.end < text.len() {
                    diags.push(
                        unexpected(cx, r.start, '\\')
                            .with_help("a `\\` outside a string must be the last character of its line"),
                    );
                }
                continue;
            }
            Ok(Raw::Ident) => keyword(lx.slice()).unwrap_or_else(|| Token::Ident(lx.slice().to_string())),
            Ok(Raw::Dec) => numbers::int(cx, r.clone(), 10, diags),
            Ok(Raw::Hex) => numbers::int(cx, r.clone(), 16, diags),
            Ok(Raw::Oct) => numbers::int(cx, r.clone(), 8, diags),
            Ok(Raw::Bin) => numbers::int(cx, r.clone(), 2, diags),
            Ok(Raw::Float) => numbers::float(lx.slice()),
            Ok(Raw::Quote) => {
                let op = strings::opening(text, r.start);
                let (tok, end) =
                    if op.fmt { fstring::lex_fstring(cx, &op, diags) } else { strings::lex_plain(cx, &op, diags) };
                let end = end.max(r.end);
                lx.bump(end - r.end);
                lay.token(cx, &tok, r.start, &mut out, diags);
                out.push((tok, cx.span(r.start, end)));
                continue;
            }
            Ok(Raw::Punct(t)) => t,
            Err(()) => {
                if let Some(c) = text[r.start..].chars().next() {
                    diags.push(unexpected_with_help(cx, r.start, c));
                }
                continue;
            }
        };
        lay.token(cx, &tok, r.start, &mut out, diags);
        out.push((tok, cx.span(r.start, r.end)));
    }
    lay.finish(cx, &mut out);
    out
}

fn unexpected(cx: &Cx, at: usize, c: char) -> Diagnostic {
    let shown = if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() };
    Diagnostic::error(cx.span(at, at + c.len_utf8()), format!("unexpected character `{shown}`"))
}

fn unexpected_with_help(cx: &Cx, at: usize, c: char) -> Diagnostic {
    let d = unexpected(cx, at, c);
    if c == '!' {
        return d.with_help("write `not` for logical negation; `!` only appears in `!=`");
    }
    d
}
