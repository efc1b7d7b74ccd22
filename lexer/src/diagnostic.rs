//! The one compile-time diagnostic type (lexer, parser, compiler all produce it)
//! and its rendering through ariadne: `file:line:col`, the source line, a
//! labelled span and an optional `help:` line.

use crate::Span;
use ariadne::{Color, Config, Label, Report, ReportKind, Source};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Span,
    /// The headline, e.g. "cannot assign twice to `let` binding `limit`".
    pub message: String,
    /// Text attached to the span in the rendered report.
    pub label: String,
    pub help: Option<String>,
    /// The file the span refers to, when it is not the file being compiled
    /// (an error inside an imported module): its name and source.
    pub file: Option<(std::sync::Arc<str>, std::sync::Arc<str>)>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        let message = message.into();
        Diagnostic { severity: Severity::Error, span, label: message.clone(), message, help: None, file: None }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        let message = message.into();
        Diagnostic { severity: Severity::Warning, span, label: message.clone(), message, help: None, file: None }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = label.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the report as text. `color` is for terminals.
    pub fn render(&self, file: &str, src: &str, color: bool) -> String {
        if let Some((f, s)) = &self.file {
            let (f, s) = (f.clone(), s.clone());
            let mut inner = self.clone();
            inner.file = None;
            return inner.render(&f, &s, color);
        }
        let (line, col) = crate::line_col(src, self.span.lo as usize);
        let kind = match self.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
        };
        // ariadne works in character offsets by default; convert bytes.
        let mut lo = char_offset(src, self.span.lo as usize);
        let chars = src.chars().count();
        if lo >= chars && chars > 0 && !src.ends_with('\n') {
            // At the very end of a file without a final newline ariadne has
            // no line to show: point at the last character instead.
            lo = chars - 1;
        }
        let hi = char_offset(src, self.span.hi as usize).max(lo + 1);
        let span = (file, lo..hi);
        let label_color = if self.severity == Severity::Error { Color::Red } else { Color::Yellow };
        let mut report = Report::build(kind, span.clone())
            .with_config(Config::default().with_color(color))
            .with_message(&self.message)
            .with_label(Label::new(span).with_message(&self.label).with_color(label_color));
        if let Some(help) = &self.help {
            report = report.with_help(help);
        }
        let mut out = Vec::new();
        let written = report.finish().write((file, Source::from(src)), &mut out);
        let body = String::from_utf8_lossy(&out).into_owned();
        // ariadne's header shows `file:line:col`; if it could not render,
        // fall back to a plain one-line report.
        if written.is_err() {
            let head = if self.severity == Severity::Error { "error" } else { "warning" };
            return format!("{file}:{line}:{col}: {head}: {}\n", self.message);
        }
        body
    }
}

fn char_offset(src: &str, byte: usize) -> usize {
    let byte = byte.min(src.len());
    src.char_indices().take_while(|(i, _)| *i < byte).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_at_the_end_of_a_file_without_newline_shows_the_last_line() {
        let src = "print(1";
        let d = Diagnostic::error(Span::new(src.len(), src.len()), "expected `,` or `)`, found end of line")
            .with_label("expected `,` or `)`");
        let text = d.render("t.mojo", src, false);
        assert!(text.contains("1 │ print(1"), "{text}");
        assert!(text.contains("expected `,` or `)`"), "{text}");
    }
}
