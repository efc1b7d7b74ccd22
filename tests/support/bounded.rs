//! Shared by the integration tests that run the `mojolite` binary: run a
//! command with its output captured and a wall-clock limit, find the binary
//! under test, list the program or page files of a folder.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a bounded run printed and how it ended.
pub struct Outcome {
    /// Exit code (None: killed at the limit or by a signal).
    pub status: Option<i32>,
    #[allow(dead_code)]
    pub stdout: String,
    pub stderr: String,
    #[allow(dead_code)]
    pub elapsed: Duration,
    pub timed_out: bool,
}

/// Runs `cmd` (stdin closed) until it exits or `limit` passes, then kills
/// it. The pipes are drained on threads, so a chatty program cannot block
/// on a full pipe.
pub fn run_bounded(mut cmd: Command, limit: Duration) -> Result<Outcome, String> {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start mojolite: {e}"))?;
    let mut out_pipe = child.stdout.take().ok_or("no stdout")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr")?;
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out_pipe, &mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err_pipe, &mut s);
        s
    });
    let mut timed_out = false;
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(s) => break s.code(),
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    };
    let elapsed = start.elapsed();
    Ok(Outcome {
        status,
        stdout: out_t.join().unwrap_or_default(),
        stderr: err_t.join().unwrap_or_default(),
        elapsed,
        timed_out,
    })
}

/// The interpreter under test: `$MOJOLITE_BIN` when set (to check another
/// build against these tests), else the binary Cargo built for them.
#[allow(dead_code)]
pub fn mojolite_bin() -> std::path::PathBuf {
    std::env::var_os("MOJOLITE_BIN").map(Into::into).unwrap_or_else(|| env!("CARGO_BIN_EXE_mojolite").into())
}

/// Every file under `dir` (recursively, in sorted order) whose extension is
/// `ext`, appended to `out`.
#[allow(dead_code)]
pub fn files_with_extension(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_with_extension(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}
