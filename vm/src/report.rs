//! Rendering an uncaught runtime error: `error: Kind: message`, the
//! traceback (task, then each frame's function and file:line:col, outermost
//! first), and the failing source line with a caret under the span.

use crate::error::Uncaught;

pub fn render_uncaught(u: &Uncaught, task: &str, file: &str, src: &str) -> String {
    let mut out = format!("error: {}\n", u.thrown.headline());
    if u.trace.is_empty() {
        return out;
    }
    out.push_str(&format!("traceback (most recent call last), in task `{task}`:\n"));
    for t in u.trace.iter().rev() {
        let shown = if &*t.file == file { file } else { &t.file };
        let (line, col) = if &*t.file == file { lexer::line_col(src, t.span.lo as usize) } else { (0, 0) };
        out.push_str(&format!("  {shown}:{line}:{col}: in {}\n", t.function));
    }
    if let Some(inner) = u.trace.first() {
        if &*inner.file == file {
            let (line, col) = lexer::line_col(src, inner.span.lo as usize);
            let text = lexer::line_text(src, line);
            let width =
                src.get(inner.span.range()).map(|s| s.lines().next().unwrap_or("").chars().count()).unwrap_or(1).max(1);
            let gutter = line.to_string().len();
            out.push_str(&format!("{:gutter$} |\n", ""));
            out.push_str(&format!("{line} | {text}\n"));
            out.push_str(&format!("{:gutter$} | {}{}\n", "", " ".repeat(col - 1), "^".repeat(width)));
        }
    }
    out
}
