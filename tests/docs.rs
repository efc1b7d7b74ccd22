//! The documentation's code blocks are tests, so the reference and the
//! tutorial cannot drift from the interpreter. Every fenced block in
//! `docs/**/*.md` whose info string starts with `mojo` is checked:
//!
//! - ```` ```mojo ```` — a whole program. It is written to `example.mojo` in
//!   a fresh folder and run there with `mojolite --workers 1 run
//!   example.mojo` (a first line `# args: FLAGS` replaces `--workers 1`, as in
//!   the golden tests). It must exit 0, unless an `error` block follows.
//! - ```` ```output ```` right after it (blank lines between are allowed):
//!   its exact standard output.
//! - ```` ```error ```` right after the program (or after its output block):
//!   the program must fail (exit 1 or 2) and its standard error must equal
//!   the block, line by line, trailing spaces ignored.
//! - ```` ```mojo check ```` — a program that is compiled and linted with
//!   `mojolite check` but not run (it serves forever or reads a terminal).
//! - ```` ```mojo fragment ```` — a piece of syntax shown in prose, not a
//!   program; not run.
//!
//! `MOJOLITE_DOCS_FILTER=text` checks only the files whose path contains
//! `text`.

#[path = "support/bounded.rs"]
mod bounded;

use bounded::run_bounded;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, PartialEq)]
enum Mode {
    Run,
    Check,
    Fragment,
}

/// One ```` ```mojo ```` block and what is expected of it.
#[derive(Debug)]
struct Snippet {
    file: PathBuf,
    /// 1-based line of the opening fence.
    line: usize,
    mode: Mode,
    code: String,
    output: Option<String>,
    error: Option<String>,
}

/// A fenced block: its info string, first line number and body.
struct Block {
    info: String,
    line: usize,
    body: String,
    /// Whether only blank lines separate it from the block before.
    adjacent: bool,
}

fn blocks(text: &str) -> Result<Vec<Block>, String> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    let mut gap_is_blank = false;
    while let Some((i, line)) = lines.next() {
        let Some(info) = line.trim_start().strip_prefix("```") else {
            if !line.trim().is_empty() {
                gap_is_blank = false;
            }
            continue;
        };
        let indent = line.len() - line.trim_start().len();
        let mut body = String::new();
        let mut closed = false;
        for (_, l) in lines.by_ref() {
            if l.trim_start().starts_with("```") {
                closed = true;
                break;
            }
            body.push_str(l.get(indent..).unwrap_or(l.trim_start()));
            body.push('\n');
        }
        if !closed {
            return Err(format!("line {}: code block never closed", i + 1));
        }
        out.push(Block { info: info.trim().to_string(), line: i + 1, body, adjacent: gap_is_blank });
        gap_is_blank = true;
    }
    Ok(out)
}

fn snippets(file: &Path) -> Result<Vec<Snippet>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read: {e}"))?;
    let blocks = blocks(&text)?;
    let mut out: Vec<Snippet> = Vec::new();
    for b in blocks {
        let mut words = b.info.split_whitespace();
        match words.next() {
            Some("mojo") => {
                let mode = match words.next() {
                    None => Mode::Run,
                    Some("check") => Mode::Check,
                    Some("fragment") => Mode::Fragment,
                    Some(other) => return Err(format!("line {}: unknown mojo block kind `{other}`", b.line)),
                };
                out.push(Snippet {
                    file: file.to_path_buf(),
                    line: b.line,
                    mode,
                    code: b.body,
                    output: None,
                    error: None,
                });
            }
            Some(kind @ ("output" | "error")) => {
                let Some(prev) = out.last_mut().filter(|s| b.adjacent && s.mode == Mode::Run) else {
                    return Err(format!("line {}: an `{kind}` block must follow a ```mojo block", b.line));
                };
                let error_seen = prev.error.is_some();
                let slot = if kind == "output" { &mut prev.output } else { &mut prev.error };
                if slot.is_some() || (kind == "output" && error_seen) {
                    return Err(format!("line {}: a second `{kind}` block for one program", b.line));
                }
                *slot = Some(b.body);
            }
            _ => {}
        }
    }
    Ok(out)
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    bounded::files_with_extension(dir, "md", out);
}

fn trimmed_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s.lines().map(str::trim_end).collect();
    while v.last() == Some(&"") {
        v.pop();
    }
    v
}

fn check(s: &Snippet, scratch: &Path) -> Result<(), String> {
    std::fs::create_dir_all(scratch).map_err(|e| e.to_string())?;
    std::fs::write(scratch.join("example.mojo"), &s.code).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(bounded::mojolite_bin());
    cmd.current_dir(scratch);
    let first = s.code.lines().next().unwrap_or("");
    let mut args: Vec<String> = match first.trim().strip_prefix("# args:") {
        Some(a) => a.split_whitespace().map(String::from).collect(),
        None => vec!["--workers".into(), "1".into()],
    };
    if s.mode == Mode::Check {
        args.retain(|a| a.starts_with("--") && a != "--workers");
        cmd.arg("check");
    } else {
        cmd.args(&args).arg("run");
    }
    cmd.arg("example.mojo");
    let o = run_bounded(cmd, TIMEOUT)?;
    let mut problems = Vec::new();
    if o.timed_out {
        problems.push(format!("timed out after {}s", TIMEOUT.as_secs()));
    }
    match (&s.error, o.status) {
        (None, Some(0)) => {}
        (None, st) => problems.push(format!("exit status {st:?}, expected 0")),
        (Some(_), Some(1 | 2)) => {}
        (Some(_), st) => problems.push(format!("exit status {st:?}, expected 1 or 2")),
    }
    if let Some(want) = &s.output {
        if trimmed_lines(want) != trimmed_lines(&o.stdout) {
            problems.push(format!("stdout differs.\n--- expected ---\n{want}--- got ---\n{}", o.stdout));
        }
    }
    if let Some(want) = &s.error {
        if trimmed_lines(want) != trimmed_lines(&o.stderr) {
            problems.push(format!("stderr differs.\n--- expected ---\n{want}--- got ---\n{}", o.stderr));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        if s.error.is_none() && !o.stderr.is_empty() {
            problems.push(format!("--- stderr ---\n{}", o.stderr.trim_end()));
        }
        Err(problems.join("\n"))
    }
}

#[test]
fn documentation_snippets_run_as_shown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    markdown_files(&root.join("docs"), &mut files);
    assert!(!files.is_empty(), "no documentation under docs/");
    if let Ok(filter) = std::env::var("MOJOLITE_DOCS_FILTER") {
        files.retain(|f| f.to_string_lossy().contains(&filter));
    }
    let mut all = Vec::new();
    let mut failures = Vec::new();
    for f in &files {
        match snippets(f) {
            Ok(s) => all.extend(s),
            Err(e) => failures.push(format!("{}: {e}", f.display())),
        }
    }
    let runnable: Vec<&Snippet> = all.iter().filter(|s| s.mode != Mode::Fragment).collect();
    let scratch_root = std::env::temp_dir().join(format!("mojolite-docs-{}", std::process::id()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let found = std::sync::Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(2, 8);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(s) = runnable.get(i) else { break };
                if let Err(e) = check(s, &scratch_root.join(i.to_string())) {
                    let rel = s.file.strip_prefix(root).unwrap_or(&s.file);
                    if let Ok(mut f) = found.lock() {
                        f.push(format!("{}:{}: {e}", rel.display(), s.line));
                    }
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch_root);
    failures.extend(found.into_inner().unwrap_or_default());
    failures.sort();
    for f in &failures {
        println!("\nFAILED {f}\n");
    }
    println!(
        "docs: {} programs checked in {} files ({} fragments not run), {} failed",
        runnable.len(),
        files.len(),
        all.len() - runnable.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{} documentation snippet(s) failed (see above)", failures.len());
}

#[test]
fn block_parser_pairs_programs_with_their_output() {
    let text = "# T\n\n```mojo\nprint(1)\n```\n\n```output\n1\n```\n\ntext\n\n```output\n2\n```\n";
    let dir = std::env::temp_dir().join(format!("mojolite-docs-parse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("t.md");
    std::fs::write(&f, text).unwrap();
    let err = snippets(&f).unwrap_err();
    assert!(err.contains("line 13"), "an output block after prose is an error: {err}");
    std::fs::write(&f, &text[..text.find("\ntext").unwrap()]).unwrap();
    let s = snippets(&f).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].code, "print(1)\n");
    assert_eq!(s[0].output.as_deref(), Some("1\n"));
    assert_eq!(s[0].line, 3);
}
