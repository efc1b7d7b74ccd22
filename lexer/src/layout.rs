//! Python's layout rules: bracket depth for implicit line joining, one
//! `Newline` per logical line, and `Indent`/`Dedent` from an indentation
//! stack. The scanner reports physical newlines and real tokens; this decides
//! which layout tokens go between them.
//!
//! Placement (what the parser sees):
//! - `Newline` ends a logical line that had tokens; its span is the `\n`.
//! - `Indent`/`Dedent` come right before the first token of a line, with a
//!   zero-width span at that token's start.
//! - At EOF: `Newline` if the last logical line is still open, then one
//!   `Dedent` per open level, all with span `len..len`.

use crate::scan::Cx;
use crate::{Diagnostic, Span, Token};
use std::ops::Range;

pub(crate) struct Layout {
    enabled: bool,
    /// Indentation widths of the open blocks; `levels[0] == 0`.
    levels: Vec<usize>,
    brackets: usize,
    at_line_start: bool,
    line_start: usize,
    line_has_tokens: bool,
    tab_reported: bool,
}

impl Layout {
    /// `enabled == false` (f-string expressions) produces no layout tokens.
    pub(crate) fn new(enabled: bool) -> Layout {
        Layout {
            enabled,
            levels: vec![0],
            brackets: 0,
            at_line_start: true,
            line_start: 0,
            line_has_tokens: false,
            tab_reported: false,
        }
    }

    /// A physical newline at `r` (outside any string).
    pub(crate) fn newline(&mut self, cx: &Cx, r: Range<usize>, out: &mut Vec<(Token, Span)>) {
        if !self.enabled || self.brackets > 0 {
            return;
        }
        if self.line_has_tokens {
            out.push((Token::Newline, cx.span(r.start, r.end)));
            self.line_has_tokens = false;
        }
        self.at_line_start = true;
        self.line_start = r.end;
    }

    /// Called before `tok` (starting at `lo`) is pushed.
    pub(crate) fn token(
        &mut self,
        cx: &Cx,
        tok: &Token,
        lo: usize,
        out: &mut Vec<(Token, Span)>,
        diags: &mut Vec<Diagnostic>,
    ) {
        if !self.enabled {
            return;
        }
        if self.at_line_start {
            self.at_line_start = false;
            self.indent(cx, lo, out, diags);
        }
        self.line_has_tokens = true;
        match tok {
            Token::LParen | Token::LBracket | Token::LBrace => self.brackets += 1,
            Token::RParen | Token::RBracket | Token::RBrace => self.brackets = self.brackets.saturating_sub(1),
            _ => {}
        }
    }

    /// Compares the indentation of the line starting at `self.line_start`
    /// (whose first token is at `lo`) with the open blocks.
    fn indent(&mut self, cx: &Cx, lo: usize, out: &mut Vec<(Token, Span)>, diags: &mut Vec<Diagnostic>) {
        let (width, ws_end) = self.measure(cx, diags);
        let here = cx.span(lo, lo);
        let top = self.levels.last().copied().unwrap_or(0);
        if width > top {
            self.levels.push(width);
            out.push((Token::Indent, here));
            return;
        }
        // The shallowest open block deeper than this line (never levels[0]).
        let Some(k) = self.levels.iter().position(|&l| l > width) else {
            return;
        };
        if self.levels[k - 1] == width {
            for _ in k..self.levels.len() {
                out.push((Token::Dedent, here));
            }
            self.levels.truncate(k);
            return;
        }
        let outer: Vec<String> = self.levels[..k].iter().map(|l| l.to_string()).collect();
        diags.push(
            Diagnostic::error(cx.span(self.line_start, ws_end), "unindent does not match any outer indentation level")
                .with_help(format!("indent this line by {} spaces to match an enclosing block", outer.join(" or "))),
        );
        // Recover by treating the line as the (re-measured) block at level k.
        for _ in k + 1..self.levels.len() {
            out.push((Token::Dedent, here));
        }
        self.levels.truncate(k + 1);
        self.levels[k] = width;
    }

    /// Width of the indentation at `line_start` and the offset where it
    /// ends. Tabs are an error (reported once per file) but still count to
    /// the next multiple of 8, so a consistently tabbed file lays out sanely.
    fn measure(&mut self, cx: &Cx, diags: &mut Vec<Diagnostic>) -> (usize, usize) {
        let mut width = 0;
        let mut pos = self.line_start;
        for c in cx.text.get(pos..).unwrap_or("").chars() {
            match c {
                ' ' => width += 1,
                '\t' => {
                    if !self.tab_reported {
                        self.tab_reported = true;
                        diags.push(
                            Diagnostic::error(cx.span(pos, pos + 1), "tab character in indentation")
                                .with_help("indent with spaces"),
                        );
                    }
                    width = (width / 8 + 1) * 8;
                }
                '\x0C' => width = 0,
                _ => break,
            }
            pos += 1;
        }
        (width, pos)
    }

    /// Closes the last logical line and every open block at EOF.
    pub(crate) fn finish(self, cx: &Cx, out: &mut Vec<(Token, Span)>) {
        if !self.enabled {
            return;
        }
        let end = cx.span(cx.text.len(), cx.text.len());
        if self.line_has_tokens {
            out.push((Token::Newline, end));
        }
        for _ in 1..self.levels.len() {
            out.push((Token::Dedent, end));
        }
    }
}
