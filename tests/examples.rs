//! The examples are golden tests too: every `.mojo` file in `examples/guide/`
//! (the guide's examples, each self-contained), in `examples/patterns/` (the
//! seeds' concurrency patterns) and `examples/hello.mojo` is run through the
//! built `mojolite` and its stdout compared with the sibling `NAME.out` file.
//! Files whose first line starts with `# module:` are imported by an example,
//! not run.
//!
//! Each example runs twice: with `--workers 1` (deterministic scheduling, and
//! the flags of its `# args:` header, below) its stdout must equal `NAME.out` exactly; on all workers, where concurrent tasks
//! may print in another order, it must hold the same lines in any order.
//! Addresses `127.0.0.1:PORT` are normalised (the examples bind port 0, and
//! the guide's Example 2 prints its URLs). Each run is killed after `TIMEOUT`.
//! `MOJOLITE_BLESS=1` rewrites the `.out` (and `.err`) files from the
//! `--workers 1` runs: read every rewritten file before committing it.
//!
//! Header lines at the top of an example (in any order, before anything else)
//! change how it is run:
//! - `# args: FLAGS` — the interpreter flags of the exact run (`--workers 1`
//!   is added unless FLAGS name `--workers`); the all-workers run uses FLAGS
//!   without `--workers N`. Examples that sleep for seconds use
//!   `# args: --workers 1 --virtual-time`.
//! - `# order: fixed` — the output depends on scheduling order: only the
//!   exact run is made.
//! - `# exit: N` — the example is meant to fail with exit status N (the
//!   guide's §8.2 does not compile, on purpose); its stderr is compared with
//!   `NAME.err` as well as its stdout with `NAME.out`, in both runs.
//! - `# known-failure: WHY` — the interpreter does not run it right yet (see
//!   `examples/KNOWN_FAILURES.md`). Its `.out` file is written by hand with the
//!   output it should print and is never blessed. It is run, and reported as
//!   `xfail` or `XPASS` (then remove the header, if it passes every time), but
//!   its result does not fail the test.

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
    for dir in ["examples/guide", "examples/patterns"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "mojo"))
            .filter(|p| !std::fs::read_to_string(p).is_ok_and(|t| t.starts_with("# module:")))
            .map(|p| p.strip_prefix(root()).expect("under the crate root").to_path_buf())
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

/// How an example is run, from its header lines.
#[derive(Debug, PartialEq)]
struct Header {
    /// Flags of the exact run.
    exact: Vec<String>,
    /// Flags of the all-workers run, `None` for `# order: fixed`.
    parallel: Option<Vec<String>>,
    /// Expected exit status.
    exit: i32,
    /// Why the interpreter fails it, for a known failure.
    known_failure: Option<String>,
}

fn header(text: &str) -> Result<Header, String> {
    let mut args: Vec<String> = Vec::new();
    let mut fixed = false;
    let mut exit = 0;
    let mut known_failure = None;
    for line in text.lines() {
        if let Some(flags) = line.strip_prefix("# args:") {
            args = flags.split_whitespace().map(String::from).collect();
        } else if let Some(order) = line.strip_prefix("# order:") {
            match order.trim() {
                "fixed" => fixed = true,
                other => return Err(format!("unknown `# order: {other}` (only `fixed`)")),
            }
        } else if let Some(code) = line.strip_prefix("# exit:") {
            exit = code.trim().parse().map_err(|_| format!("bad `# exit:{code}`"))?;
        } else if let Some(why) = line.strip_prefix("# known-failure:") {
            known_failure = Some(why.trim().to_string());
        } else {
            break;
        }
    }
    let mut exact = args.clone();
    if !args.iter().any(|a| a == "--workers") {
        exact.splice(0..0, ["--workers".to_string(), "1".to_string()]);
    }
    let mut parallel = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--workers" {
            it.next();
        } else {
            parallel.push(a);
        }
    }
    Ok(Header { exact, parallel: (!fixed).then_some(parallel), exit, known_failure })
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `mojolite [flags] run FILE` from the crate root, killing it after `TIMEOUT`.
fn run(file: &Path, flags: &[String]) -> Result<Run, String> {
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

fn read_expected(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {} ({e}); MOJOLITE_BLESS=1 writes it", path.display()))
}

fn check(file: &Path, header: &Header, bless: bool) -> Result<(), String> {
    let expected_path = root().join(file.with_extension("out"));
    let err_path = root().join(file.with_extension("err"));
    let exact = run(file, &header.exact)?;
    let flags = header.exact.join(" ");
    if exact.code != Some(header.exit) {
        return Err(format!(
            "{flags}: exit status {:?}, expected {}\nstdout:\n{}stderr:\n{}",
            exact.code, header.exit, exact.stdout, exact.stderr
        ));
    }
    let got = normalise(&exact.stdout);
    let got_err = normalise(&exact.stderr);
    if bless {
        std::fs::write(&expected_path, &got).map_err(|e| format!("cannot write {}: {e}", expected_path.display()))?;
        if header.exit != 0 {
            std::fs::write(&err_path, &got_err).map_err(|e| format!("cannot write {}: {e}", err_path.display()))?;
        }
    }
    let expected = read_expected(&expected_path)?;
    if got != expected {
        return Err(format!(
            "{flags}: stdout differs\n--- expected\n{expected}--- got\n{got}--- stderr\n{}",
            exact.stderr
        ));
    }
    let expected_err = if header.exit != 0 { Some(read_expected(&err_path)?) } else { None };
    if let Some(expected_err) = &expected_err {
        if &got_err != expected_err {
            return Err(format!("{flags}: stderr differs\n--- expected\n{expected_err}--- got\n{got_err}"));
        }
    }
    let Some(parallel_flags) = &header.parallel else {
        return Ok(());
    };
    let flags = if parallel_flags.is_empty() { "all workers".to_string() } else { parallel_flags.join(" ") };
    let parallel = run(file, parallel_flags)?;
    if parallel.code != Some(header.exit) {
        return Err(format!(
            "{flags}: exit status {:?}, expected {}\nstdout:\n{}stderr:\n{}",
            parallel.code, header.exit, parallel.stdout, parallel.stderr
        ));
    }
    let got = normalise(&parallel.stdout);
    if sorted_lines(&got) != sorted_lines(&expected) {
        return Err(format!(
            "{flags}: stdout lines differ (in any order)\n--- expected\n{expected}--- got\n{got}--- stderr\n{}",
            parallel.stderr
        ));
    }
    if let Some(expected_err) = &expected_err {
        let got_err = normalise(&parallel.stderr);
        if &got_err != expected_err {
            return Err(format!("{flags}: stderr differs\n--- expected\n{expected_err}--- got\n{got_err}"));
        }
    }
    Ok(())
}

#[test]
fn examples_print_their_out_files() {
    let bless = std::env::var_os("MOJOLITE_BLESS").is_some();
    let files = examples();
    assert!(files.len() >= 40, "expected hello.mojo, the guide's examples and the patterns, found {files:?}");
    let mut failures = Vec::new();
    for file in &files {
        let start = Instant::now();
        let header =
            match std::fs::read_to_string(root().join(file)).map_err(|e| e.to_string()).and_then(|t| header(&t)) {
                Ok(h) => h,
                Err(e) => {
                    failures.push(format!("{}: {e}", file.display()));
                    continue;
                }
            };
        if let Some(why) = &header.known_failure {
            // Not a failure either way: some known bugs show only now and then.
            match check(file, &header, false) {
                Ok(()) => eprintln!(
                    "XPASS {} passed, but is marked `# known-failure: {why}`: if it passes every time, remove the header (and its entry in examples/KNOWN_FAILURES.md)",
                    file.display()
                ),
                Err(_) => eprintln!("xfail {} ({why}) ({:.2?})", file.display(), start.elapsed()),
            }
            continue;
        }
        match check(file, &header, bless) {
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

#[test]
fn headers_choose_the_flags() {
    let plain = header("# A comment\nfn main():\n    pass\n").unwrap();
    assert_eq!(
        plain,
        Header { exact: vec!["--workers".into(), "1".into()], parallel: Some(vec![]), exit: 0, known_failure: None }
    );
    let timed = header("# args: --workers 1 --virtual-time\n# order: fixed\n# The guide\n").unwrap();
    assert_eq!(timed.exact, ["--workers", "1", "--virtual-time"]);
    assert_eq!(timed.parallel, None);
    let seeded = header("# args: --virtual-time --seed 7\n# exit: 2\n").unwrap();
    assert_eq!(seeded.exact, ["--workers", "1", "--virtual-time", "--seed", "7"]);
    assert_eq!(seeded.parallel, Some(vec!["--virtual-time".into(), "--seed".into(), "7".into()]));
    assert_eq!(seeded.exit, 2);
    // Headers stop at the first other line.
    assert_eq!(header("# intro\n# order: fixed\n").unwrap().parallel, Some(vec![]));
    assert!(header("# order: random\n").is_err());
    let known = header("# known-failure: shield under timeout\n# args: --virtual-time\n").unwrap();
    assert_eq!(known.known_failure.as_deref(), Some("shield under timeout"));
    assert_eq!(known.exact, ["--workers", "1", "--virtual-time"]);
}
