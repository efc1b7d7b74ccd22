//! `mojolite test [--timeout SECS] [PATH…]`: every top-level `fn test_*` /
//! `async fn test_*` of the given files (and of the `.mojo` files under the
//! given folders; default: the current folder) runs in isolation — a fresh
//! program run per test: the file's top level, then that function — with a
//! time limit. One line per test (`PASS file::name` / `FAIL file::name:
//! message`, details on stderr), then `N passed, N failed`; exit 1 on any
//! failure. Files without tests are skipped; a file that does not parse, or
//! has tests and does not compile, counts as one failure.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use vm::testing::{compile_tests, run_test, Compiled, TestOutcome};

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

pub fn run(paths: &[String], timeout: Duration, opts: &vm::interp::RunOptions) -> u8 {
    let roots: Vec<String> = if paths.is_empty() { vec![".".to_string()] } else { paths.to_vec() };
    let mut files = Vec::new();
    for root in &roots {
        let p = Path::new(root);
        if p.is_dir() {
            collect(p, &mut files);
        } else if p.is_file() {
            files.push(p.to_path_buf());
        } else {
            eprintln!("mojolite: cannot test `{root}`: no such file or folder");
            return 2;
        }
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (mut passed, mut failed) = (0usize, 0usize);
    for path in files {
        let shown = display(&path);
        let src = match crate::source::read(&path.to_string_lossy()) {
            Ok(s) => s,
            Err(msg) => {
                eprintln!("{msg}");
                println!("FAIL {shown}: cannot read the file");
                failed += 1;
                continue;
            }
        };
        let (compiled, diags) = compile_tests(&shown, &src);
        let tf = match compiled {
            Compiled::Ready(tf) => tf,
            // Not a test file: its warnings are not our business.
            Compiled::NoTests => continue,
            Compiled::Failed => {
                for d in &diags {
                    eprint!("{}", d.render(&shown, &src, color));
                }
                println!("FAIL {shown}: does not compile");
                failed += 1;
                continue;
            }
        };
        for d in &diags {
            eprint!("{}", d.render(&shown, &src, color));
        }
        for name in &tf.tests {
            let outcome = run_test(&tf.program, name, opts, timeout);
            let _ = std::io::stdout().flush();
            match outcome {
                TestOutcome::Pass => {
                    println!("PASS {shown}::{name}");
                    passed += 1;
                }
                TestOutcome::Fail { message, trace } => {
                    println!("FAIL {shown}::{name}: {message}");
                    let _ = std::io::stdout().flush();
                    let uncaught = vm::error::Uncaught { thrown: vm::error::Thrown::Panic(String::new()), trace };
                    let report = vm::report::render_uncaught(&uncaught, name, &shown, &src);
                    // The headline is on the FAIL line: show where it happened.
                    for line in report.lines().skip(1) {
                        eprintln!("    {line}");
                    }
                    failed += 1;
                }
                TestOutcome::Timeout => {
                    println!("FAIL {shown}::{name}: timed out after {}", seconds(timeout));
                    failed += 1;
                }
            }
            let _ = std::io::stdout().flush();
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        1
    } else {
        0
    }
}

/// The `.mojo` files under `dir`, sorted, skipping hidden folders and `target`.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if p.is_dir() {
            if !name.starts_with('.') && name != "target" {
                collect(&p, out);
            }
        } else if name.ends_with(".mojo") {
            out.push(p);
        }
    }
}

fn display(p: &Path) -> String {
    let s = p.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{}s", s as u64)
    } else {
        format!("{s}s")
    }
}
