//! `mojolite test` on `tests/mojo_tests/` (passing, failing, async, timed-out
//! tests, a nested folder, a `main` that must not run), and a program piped
//! into `mojolite` with no arguments.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn mojolite() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mojolite"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    c
}

/// Runs with a time limit (the child is killed after it).
fn run(mut cmd: Command, stdin: Option<&str>, limit: Duration) -> Output {
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cannot start mojolite");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("mojolite did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn test_command_reports_each_test_and_a_summary() {
    let mut cmd = mojolite();
    cmd.args(["test", "--timeout", "2", "tests/mojo_tests"]);
    let out = run(cmd, None, Duration::from_secs(60));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("PASS") || l.starts_with("FAIL")).collect();
    let expected = [
        "PASS tests/mojo_tests/math_test.mojo::test_add",
        "PASS tests/mojo_tests/math_test.mojo::test_async_sleep",
        "FAIL tests/mojo_tests/math_test.mojo::test_wrong_sum: AssertionError: assertion failed: x == 5 (left: 4, right: 5)",
        "PASS tests/mojo_tests/sub/strings_test.mojo::test_upper",
        "FAIL tests/mojo_tests/sub/strings_test.mojo::test_message_and_values: AssertionError: too long (GREETING.len() < 3; left: 5, right: 3)",
        "PASS tests/mojo_tests/tasks_test.mojo::test_channel_roundtrip",
        "FAIL tests/mojo_tests/tasks_test.mojo::test_times_out: timed out after 2s",
        "FAIL tests/mojo_tests/tasks_test.mojo::test_raises: ValueError: boom",
    ];
    assert_eq!(lines, expected, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stdout.lines().last(), Some("4 passed, 4 failed"), "stdout:\n{stdout}");
    assert!(!stdout.contains("main must not run"), "`main` ran:\n{stdout}");
    assert!(!stdout.contains("helper_is_not_a_test"), "{stdout}");
    // Where the failure happened, on stderr.
    assert!(stderr.contains("tests/mojo_tests/math_test.mojo:15:5: in test_wrong_sum"), "stderr:\n{stderr}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn test_command_passes_on_a_file_of_passing_tests() {
    let dir = std::env::temp_dir().join(format!("mojolite-test-runner-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ok_test.mojo");
    std::fs::write(
        &file,
        "fn test_one():\n    assert 1 + 1 == 2\n\nasync fn test_two():\n    await yield_now()\n    assert [1, 2] == [1, 2]\n",
    )
    .unwrap();
    let broken = dir.join("broken_test.mojo");
    std::fs::write(&broken, "fn test_x():\n    assert nope == 1\n").unwrap();
    let mut cmd = mojolite();
    cmd.arg("test").arg(&file);
    let out = run(cmd, None, Duration::from_secs(60));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("PASS"), "{stdout}");
    assert_eq!(stdout.lines().last(), Some("2 passed, 0 failed"), "{stdout}");
    assert_eq!(out.status.code(), Some(0));

    // A file that does not compile is one failure, with its diagnostics.
    let mut cmd = mojolite();
    cmd.arg("test").arg(&broken);
    let out = run(cmd, None, Duration::from_secs(60));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("FAIL") && stdout.contains("does not compile"), "{stdout}");
    assert!(stderr.contains("unknown name `nope`"), "{stderr}");
    assert_eq!(stdout.lines().last(), Some("0 passed, 1 failed"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}

#[test]
fn test_command_rejects_a_missing_path() {
    let mut cmd = mojolite();
    cmd.args(["test", "no/such/folder"]);
    let out = run(cmd, None, Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or folder"));
}

#[test]
fn a_program_piped_into_mojolite_runs() {
    let out = run(mojolite(), Some("print(1+1)\n"), Duration::from_secs(30));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
    assert_eq!(out.status.code(), Some(0));
}
