//! The golden-program harness (DESIGN.md §Tests). Every `.mojo` file under
//! `tests/golden/` — and under `$MOJOLITE_CASES` when set — is run through the
//! built `mojolite` binary and checked against its comments:
//!
//! - `# args: FLAGS` (first line): interpreter flags;
//! - `# expect: LINE`: the stdout lines, in order (exit status 0);
//! - `# expect error: TEXT`: a compile-time error (exit 2, TEXT in stderr);
//! - `# expect runtime error: TEXT`: exit 1, TEXT in stderr, after the expected stdout
//!   (several such lines: each TEXT must appear);
//! - `# expect not in stderr: TEXT`: TEXT must not appear in stderr.
//!
//! A printed line starting with `WRONG` or `FAIL` is always a failure. A file
//! whose first line starts with `# module:` is a module other cases import,
//! not a case itself. Cases
//! named in `tests/pending.txt` (features not built yet) are skipped with a
//! notice. Set `MOJOLITE_GOLDEN_FILTER=substring` to run a subset.

#[path = "support/bounded.rs"]
mod bounded;

use bounded::{run_bounded, Outcome};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
struct Case {
    path: PathBuf,
    args: Vec<String>,
    stdout: Vec<String>,
    compile_errors: Vec<String>,
    runtime_errors: Vec<String>,
    not_in_stderr: Vec<String>,
}

fn parse_case(path: &Path) -> Result<Case, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut case = Case { path: path.to_path_buf(), ..Case::default() };
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if i == 0 {
            if let Some(a) = t.strip_prefix("# args:") {
                case.args = a.split_whitespace().map(String::from).collect();
                continue;
            }
        }
        if let Some(e) = t.strip_prefix("# expect error:") {
            case.compile_errors.push(e.trim().to_string());
        } else if let Some(e) = t.strip_prefix("# expect not in stderr:") {
            case.not_in_stderr.push(e.trim().to_string());
        } else if let Some(e) = t.strip_prefix("# expect runtime error:") {
            case.runtime_errors.push(e.trim().to_string());
        } else if let Some(e) = t.strip_prefix("# expect:") {
            case.stdout.push(e.strip_prefix(' ').unwrap_or(e).to_string());
        }
    }
    Ok(case)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut found = Vec::new();
    bounded::files_with_extension(dir, "mojo", &mut found);
    out.extend(found.into_iter().filter(|p| !is_helper_module(p)));
}

fn is_helper_module(p: &Path) -> bool {
    std::fs::read_to_string(p).map(|t| t.starts_with("# module:")).unwrap_or(false)
}

fn pending() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pending.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn run(case: &Case) -> Result<Outcome, String> {
    let mut cmd = Command::new(bounded::mojolite_bin());
    cmd.args(&case.args).arg("run").arg(&case.path);
    if let Some(dir) = case.path.parent() {
        cmd.current_dir(dir);
    }
    run_bounded(cmd, TIMEOUT)
}

/// Checks one case; `Err` holds a readable report of what differed.
fn check(case: &Case) -> Result<(), String> {
    let o = run(case)?;
    let mut problems = Vec::new();
    if o.timed_out {
        problems.push(format!("timed out after {:.1?} (limit {}s)", o.elapsed, TIMEOUT.as_secs()));
    }
    let got: Vec<&str> = o.stdout.lines().collect();
    let want_status = if !case.compile_errors.is_empty() {
        2
    } else if !case.runtime_errors.is_empty() {
        1
    } else {
        0
    };
    if o.status != Some(want_status) {
        problems.push(format!("exit status {:?}, expected {want_status}", o.status));
    }
    if case.compile_errors.is_empty() && got != case.stdout.iter().map(String::as_str).collect::<Vec<_>>() {
        problems.push(format!("stdout differs:\n{}", diff(&case.stdout, &got)));
    }
    for line in &got {
        if line.starts_with("WRONG") || line.starts_with("FAIL") {
            problems.push(format!("printed a forbidden line: {line}"));
        }
    }
    for want in case.compile_errors.iter().chain(&case.runtime_errors) {
        if !o.stderr.contains(want.as_str()) {
            problems.push(format!("stderr does not contain `{want}`"));
        }
    }
    for unwanted in &case.not_in_stderr {
        if o.stderr.contains(unwanted.as_str()) {
            problems.push(format!("stderr contains `{unwanted}`"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr ---\n{}", problems.join("\n"), o.stderr.trim_end()))
    }
}

/// A line-by-line diff: `-` expected, `+` got.
fn diff(want: &[String], got: &[&str]) -> String {
    let mut out = String::new();
    for i in 0..want.len().max(got.len()) {
        match (want.get(i), got.get(i)) {
            (Some(w), Some(g)) if w == g => out.push_str(&format!("   {w}\n")),
            (w, g) => {
                if let Some(w) = w {
                    out.push_str(&format!(" - {w}\n"));
                }
                if let Some(g) = g {
                    out.push_str(&format!(" + {g}\n"));
                }
            }
        }
    }
    out
}

/// Every case file: `tests/golden/**` plus `$MOJOLITE_CASES`, filtered by
/// `$MOJOLITE_GOLDEN_FILTER`, minus the pending ones (returned separately).
fn case_files() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("tests/golden"), &mut files);
    if let Ok(extra) = std::env::var("MOJOLITE_CASES") {
        let dir = if Path::new(&extra).is_absolute() { PathBuf::from(&extra) } else { root.join(&extra) };
        assert!(dir.is_dir(), "MOJOLITE_CASES={extra} is not a folder");
        collect(&dir, &mut files);
    }
    if let Ok(filter) = std::env::var("MOJOLITE_GOLDEN_FILTER") {
        files.retain(|f| f.to_string_lossy().contains(&filter));
    }
    let pending = pending();
    let (skipped, files): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|f| {
        let name = f.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        pending.iter().any(|p| *p == name || name.strip_suffix(".mojo") == Some(p.as_str()))
    });
    (files, skipped)
}

/// Runs the cases on a few threads; returns the failures with their reports.
fn run_all(cases: Vec<Case>) -> Vec<(PathBuf, String)> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(2, 8);
    let queue = std::sync::Mutex::new(cases);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let Some(case) = queue.lock().ok().and_then(|mut q| q.pop()) else {
                    break;
                };
                if let Err(report) = check(&case) {
                    if let Ok(mut f) = failures.lock() {
                        f.push((case.path.clone(), report));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort();
    failures
}

fn report(what: &str, total: usize, failures: &[(PathBuf, String)], skipped: usize) {
    for (path, report) in failures {
        println!("\nFAILED {}\n{report}\n", path.display());
    }
    println!("{what}: {} passed, {} failed, {skipped} skipped", total - failures.len(), failures.len());
    assert!(failures.is_empty(), "{} {what} program(s) failed (see above)", failures.len());
}

#[test]
fn golden_programs() {
    let (files, skipped) = case_files();
    for s in &skipped {
        println!("skipped (pending, see tests/pending.txt): {}", s.display());
    }
    let mut cases = Vec::new();
    let mut failures = Vec::new();
    for f in &files {
        match parse_case(f) {
            Ok(c) => cases.push(c),
            Err(e) => failures.push((f.clone(), e)),
        }
    }
    failures.extend(run_all(cases));
    report("golden", files.len(), &failures, skipped.len());
}

/// The cases pinned to `--workers 1` again with the default worker count
/// (real parallelism), except those whose output depends on scheduling
/// order (listed in `tests/order_dependent.txt`).
#[test]
fn golden_programs_on_all_workers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let order_dependent: Vec<String> = std::fs::read_to_string(root.join("tests/order_dependent.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let (files, _) = case_files();
    let mut cases = Vec::new();
    for f in &files {
        let name = f.file_stem().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let Ok(mut c) = parse_case(f) else { continue };
        if !c.args.windows(2).any(|w| w[0] == "--workers" && w[1] == "1") || order_dependent.contains(&name) {
            continue;
        }
        if let Some(i) = c.args.iter().position(|a| a == "--workers") {
            c.args.drain(i..i + 2);
        }
        cases.push(c);
    }
    let total = cases.len();
    let failures = run_all(cases);
    report("golden (default workers)", total, &failures, 0);
}
