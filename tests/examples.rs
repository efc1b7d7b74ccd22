//! The examples are golden tests too: every `.mojo` file in `examples/guide/`
//! (the guide's examples, each self-contained) and `examples/hello.mojo` is
//! run through the built `mojolite` and its stdout compared with the sibling
//! `NAME.out` file. Files whose first line starts with `# module:` are
//! imported by an example, not run.
//!
//! Each example runs twice: with `--workers 1` (deterministic scheduling) its
//! stdout must equal `NAME.out` exactly; on all workers, where concurrent tasks
//! may print in another order, it must hold the same lines in any order.
//! Addresses `127.0.0.1:PORT` are normalised (the examples bind port 0, and
//! the guide's Example 2 prints its URLs). Each run is killed after `TIMEOUT`.
//! `MOJOLITE_BLESS=1` rewrites the `.out` files from the `--workers 1` runs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The examples, as paths relative to the crate root.
fn examples() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("examples/hello.mojo")];
    let mut guide: Vec<PathBuf> = std::fs::read_dir(root().join("examples/guide"))
        .expect("examples/guide exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "mojo"))
        .filter(|p| !std::fs::read_to_string(p).is_ok_and(|t| t.starts_with("# module:")))
        .map(|p| p.strip_prefix(root()).expect("under the crate root").to_path_buf())
        .collect();
    guide.sort();
    out.extend(guide);
    out
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `mojolite [flags] run FILE` from the crate root, killing it after `TIMEOUT`.
fn run(file: &Path, flags: &[&str]) -> Result<Run, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mojolite"))
        .args(flags)
        .arg("run")
        .arg(file)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start mojolite: {e}"))?;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "still running after {TIMEOUT:?} (killed); stdout so far:\n{}",
                out_reader.join().unwrap_or_default()
            ));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok(Run {
        code: status.code(),
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    })
}

/// Replaces every `127.0.0.1:DIGITS` with `127.0.0.1:PORT`.
fn normalise(text: &str) -> String {
    const HOST: &str = "127.0.0.1:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(HOST) {
        out.push_str(&rest[..i + HOST.len()]);
        rest = &rest[i + HOST.len()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push_str("PORT");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines
}

fn check(file: &Path, bless: bool) -> Result<(), String> {
    let expected_path = root().join(file.with_extension("out"));
    let exact = run(file, &["--workers", "1"])?;
    if exact.code != Some(0) {
        return Err(format!(
            "--workers 1: exit status {:?}\nstdout:\n{}stderr:\n{}",
            exact.code, exact.stdout, exact.stderr
        ));
    }
    let got = normalise(&exact.stdout);
    if bless {
        std::fs::write(&expected_path, &got).map_err(|e| format!("cannot write {}: {e}", expected_path.display()))?;
    }
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("cannot read {} ({e}); MOJOLITE_BLESS=1 writes it", expected_path.display()))?;
    if got != expected {
        return Err(format!(
            "--workers 1: stdout differs\n--- expected\n{expected}--- got\n{got}--- stderr\n{}",
            exact.stderr
        ));
    }
    let parallel = run(file, &[])?;
    if parallel.code != Some(0) {
        return Err(format!(
            "all workers: exit status {:?}\nstdout:\n{}stderr:\n{}",
            parallel.code, parallel.stdout, parallel.stderr
        ));
    }
    let got = normalise(&parallel.stdout);
    if sorted_lines(&got) != sorted_lines(&expected) {
        return Err(format!(
            "all workers: stdout lines differ (in any order)\n--- expected\n{expected}--- got\n{got}--- stderr\n{}",
            parallel.stderr
        ));
    }
    Ok(())
}

#[test]
fn examples_print_their_out_files() {
    let bless = std::env::var_os("MOJOLITE_BLESS").is_some();
    let files = examples();
    assert!(files.len() >= 4, "expected hello.mojo and the guide's examples, found {files:?}");
    let mut failures = Vec::new();
    for file in &files {
        let start = Instant::now();
        match check(file, bless) {
            Ok(()) => eprintln!("ok   {} ({:.2?})", file.display(), start.elapsed()),
            Err(e) => {
                eprintln!("FAIL {}", file.display());
                failures.push(format!("{}: {e}", file.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} examples failed:\n\n{}", failures.len(), files.len(), failures.join("\n\n"));
}

#[test]
fn normalise_replaces_ports_only() {
    assert_eq!(
        normalise("GET http://127.0.0.1:4567/x and 127.0.0.1: ok"),
        "GET http://127.0.0.1:PORT/x and 127.0.0.1: ok"
    );
    assert_eq!(normalise("no address"), "no address");
}
