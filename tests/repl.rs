//! The REPL, driven through a real pseudo-terminal (rexpect): a function
//! defined over two lines, a call, a top-level `await`, a spawned task that
//! sends on a channel read at a later prompt, `:tasks`, an error the session
//! survives, lines typed ahead, Tab completion, Ctrl-C cancelling a running input, history,
//! and Ctrl-D to leave. Every wait is bounded (rexpect's timeout).

use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

const TIMEOUT_MS: u64 = 20_000;

fn mojolite() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mojolite"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Waits for `text` in the output.
fn expect(p: &mut PtySession, text: &str) {
    p.exp_string(text).unwrap_or_else(|e| panic!("no `{text}` in the output: {e}"));
}

/// Sends one line, waits for each of `outputs` in order, then for the next
/// prompt (`>>> ` or `... `). The line editor redraws the prompt at each key
/// typed, without a line break, so the test first waits for the line break
/// the editor writes when it accepts the line: the prompt after it is the
/// next one, and the next line is sent only once the REPL is reading again.
fn line(p: &mut PtySession, text: &str, outputs: &[&str], next_prompt: &str) {
    p.send_line(text).expect("send");
    p.exp_string("\r\n").unwrap_or_else(|e| panic!("`{text}` was not accepted: {e}"));
    for o in outputs {
        p.exp_string(o).unwrap_or_else(|e| panic!("after `{text}`, no `{o}` in the output: {e}"));
    }
    p.exp_string(next_prompt).unwrap_or_else(|e| panic!("after `{text}`, no `{next_prompt}`: {e}"));
}

#[test]
fn repl_through_a_pseudo_terminal() {
    let history = std::env::temp_dir().join(format!("mojolite-repl-history-{}", std::process::id()));
    let _ = std::fs::remove_file(&history);
    let mut cmd = mojolite();
    cmd.args(["--workers", "2", "repl"]).env("MOJOLITE_HISTORY", &history).env("TERM", "xterm").env_remove("NO_COLOR");
    let mut p = match spawn_command(cmd, Some(TIMEOUT_MS)) {
        Ok(p) => p,
        Err(e) => {
            // Containers without /dev/ptmx: nothing to drive the REPL with.
            eprintln!("notice: no pseudo-terminal available ({e}); the REPL pty test is skipped");
            return;
        }
    };
    expect(&mut p, ":help");
    expect(&mut p, ">>> ");

    // A function over two lines; the block ends at an empty line.
    line(&mut p, "fn double(x):", &[], "... ");
    line(&mut p, "    return x * 2", &[], "... ");
    line(&mut p, "", &[], ">>> ");
    line(&mut p, "double(21)", &["42"], ">>> ");

    // Top-level await.
    line(&mut p, "await sleep(0.1)", &[], ">>> ");
    line(&mut p, "\"slept\"", &["'slept'"], ">>> ");

    // A task spawned at one prompt, received from at a later one.
    line(&mut p, "let ch = Channel[Int]()", &[], ">>> ");
    line(&mut p, "async fn producer(c):", &[], "... ");
    line(&mut p, "    await c.send(6 * 7)", &[], "... ");
    line(&mut p, "", &[], ">>> ");
    line(&mut p, "let t = spawn(producer(ch), name=\"producer\")", &[], ">>> ");
    line(&mut p, ":tasks", &["producer (#", "waits at <input-", "await c.send(6 * 7)"], ">>> ");
    line(&mut p, "await ch.recv()", &["Some(42)"], ">>> ");
    line(&mut p, "await t", &[], ">>> ");
    line(&mut p, ":tasks", &["no tasks running"], ">>> ");

    // An error is reported like a file's, and the session goes on.
    line(&mut p, "double(1) // 0", &["ZeroDivisionError", "traceback", "double(1) // 0"], ">>> ");
    line(&mut p, "nope + 1", &["unknown name `nope`"], ">>> ");
    line(&mut p, "double(\"ab\") + \"!\"", &["'abab!'"], ">>> ");

    // Lines typed ahead, arriving together, are all run: none is lost
    // with the line editor's read buffer.
    p.send("double(3)\ndouble(4)\n").expect("send");
    p.flush().expect("flush");
    expect(&mut p, "\r\n6\r\n");
    expect(&mut p, "\r\n8\r\n");
    expect(&mut p, ">>> ");

    // Tab completion of a global and of a member.
    p.send("doub\t(617)\n").expect("send");
    p.flush().expect("flush");
    expect(&mut p, "1234");
    expect(&mut p, ">>> ");
    line(&mut p, "let word = \"shout\"", &[], ">>> ");
    p.send("word.upp\t()\n").expect("send");
    p.flush().expect("flush");
    expect(&mut p, "'SHOUT'");
    expect(&mut p, ">>> ");

    // Ctrl-C cancels a running await, and a loop that never awaits.
    p.send_line("await sleep(60)").expect("send");
    std::thread::sleep(Duration::from_millis(500));
    p.send_control('c').expect("ctrl-c");
    expect(&mut p, "interrupted");
    expect(&mut p, ">>> ");
    line(&mut p, "while True:", &[], "... ");
    line(&mut p, "    pass", &[], "... ");
    p.send_line("").expect("send");
    std::thread::sleep(Duration::from_millis(500));
    p.send_control('c').expect("ctrl-c");
    expect(&mut p, "interrupted");
    expect(&mut p, ">>> ");
    line(&mut p, "double(2500)", &["5000"], ">>> ");

    // Ctrl-D leaves.
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("exit after Ctrl-D");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, code)) => assert_eq!(code, 0),
        other => panic!("unexpected exit: {other:?}"),
    }
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    assert!(saved.contains("double(21)"), "history saved: {saved:?}");
    let _ = std::fs::remove_file(&history);
}

#[test]
fn repl_reads_piped_input_without_prompts() {
    let mut child = mojolite()
        .arg("repl")
        .env("MOJOLITE_HISTORY", "")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start mojolite");
    let script = "\
struct P:
    var x: Int
    fn twice(self) -> Int:
        return self.x * 2

let p = P(4)
p
p.twice()
xs = [1,
      2]
xs
1 / 0
x = 1
x = x + 1
x
None
:quit
print(\"not reached\")
";
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout, "P(x=4)\n8\n[1, 2]\n2\n", "stderr:\n{stderr}");
    assert!(stderr.contains("ZeroDivisionError"), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}
