//! `vm::session::Session` (the REPL's evaluator) and `vm::testing` (the
//! test runner's isolated runs), without a terminal.

use std::time::Duration;
use vm::interp::RunOptions;
use vm::session::{Outcome, Session};
use vm::testing::{compile_tests, run_test, TestOutcome};

fn opts() -> RunOptions {
    RunOptions { workers: 2, ..RunOptions::default() }
}

fn never() -> bool {
    false
}

/// Evaluates an input; returns the echoed repr ("" for none) or the error.
fn eval(s: &mut Session, src: &str) -> Result<String, String> {
    let e = s.eval(None, src, &never);
    match e.outcome {
        Outcome::Value(vm::Value::None, _) | Outcome::Done => Ok(String::new()),
        Outcome::Value(_, repr) => Ok(repr),
        Outcome::CompileError => Err(e.diagnostics),
        Outcome::Failed(text) => Err(text),
        other => Err(format!("{other:?}")),
    }
}

#[test]
fn state_persists_and_values_are_echoed() {
    let mut s = Session::new(&opts());
    assert_eq!(eval(&mut s, "fn double(x):\n    return x * 2\n"), Ok(String::new()));
    assert_eq!(eval(&mut s, "double(21)\n"), Ok("42".into()));
    assert_eq!(eval(&mut s, "\"a\" + \"b\"\n"), Ok("'ab'".into()));
    assert_eq!(eval(&mut s, "None\n"), Ok(String::new()));
    assert_eq!(eval(&mut s, "var n = 1\nn += 1\nn\n"), Ok("2".into()));
    assert_eq!(eval(&mut s, "n = n * 10\n"), Ok(String::new()));
    assert_eq!(eval(&mut s, "n\n"), Ok("20".into()));
    // Redefinitions: a function with another arity, then a plain value.
    assert_eq!(eval(&mut s, "fn double(x, y):\n    return x + y\n"), Ok(String::new()));
    assert_eq!(eval(&mut s, "double(1, 2)\n"), Ok("3".into()));
    assert_eq!(eval(&mut s, "double = 5\n"), Ok(String::new()));
    assert_eq!(eval(&mut s, "double + 1\n"), Ok("6".into()));
    // Structs and their methods.
    assert_eq!(
        eval(&mut s, "struct P:\n    var x: Int\n    fn twice(self) -> Int:\n        return self.x * 2\n"),
        Ok(String::new())
    );
    assert_eq!(eval(&mut s, "P(4).twice()\n"), Ok("8".into()));
    assert_eq!(eval(&mut s, "P(4)\n"), Ok("P(x=4)".into()));
    assert!(s.global_names().contains(&"P".to_string()));
    s.shutdown(Duration::from_secs(1));
}

#[test]
fn errors_leave_the_session_usable() {
    let mut s = Session::new(&opts());
    let err = eval(&mut s, "1 // 0\n").unwrap_err();
    assert!(err.contains("ZeroDivisionError") && err.contains("<input-1>:1:1"), "{err}");
    let err = eval(&mut s, "y = nope\n").unwrap_err();
    assert!(err.contains("unknown name `nope`"), "{err}");
    // A failed compile defines nothing.
    let err = eval(&mut s, "y\n").unwrap_err();
    assert!(err.contains("unknown name `y`"), "{err}");
    // A failed run leaves the name defined but unset.
    let _ = eval(&mut s, "z = 1 / 0\n").unwrap_err();
    let err = eval(&mut s, "z\n").unwrap_err();
    assert!(err.contains("global `z` is used before it is defined"), "{err}");
    // A traceback through a function defined in an earlier input.
    eval(&mut s, "fn f(a):\n    return a < 1\n").unwrap();
    let err = eval(&mut s, "f(\"x\")\n").unwrap_err();
    assert!(err.contains("<input-") && err.contains("in f") && err.contains("return a < 1"), "{err}");
    assert_eq!(eval(&mut s, "1 + 1\n"), Ok("2".into()));
    let err = eval(&mut s, "assert 1 + 1 == 3\n").unwrap_err();
    assert!(err.contains("assertion failed: 1 + 1 == 3 (left: 2, right: 3)"), "{err}");
    s.shutdown(Duration::from_secs(1));
}

#[test]
fn tasks_run_between_inputs() {
    let mut s = Session::new(&opts());
    eval(&mut s, "let ch = Channel[Int]()\nasync fn producer(c):\n    await c.send(7)\n").unwrap();
    eval(&mut s, "let t = spawn(producer(ch), name=\"producer\")\n").unwrap();
    let mut waiting = false;
    for _ in 0..100 {
        let tasks = s.tasks();
        if tasks.iter().any(|(name, _, at)| name == "producer" && at.contains("await c.send(7)")) {
            waiting = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(waiting, "{:?}", s.tasks());
    assert_eq!(eval(&mut s, "await ch.recv()\n"), Ok("Some(7)".into()));
    assert_eq!(eval(&mut s, "await t\n"), Ok(String::new()));
    assert!(s.tasks().is_empty(), "{:?}", s.tasks());
    // A background failure is reported once.
    eval(&mut s, "async fn boom():\n    raise ValueError(\"bad\")\n").unwrap();
    eval(&mut s, "let b = spawn(boom(), name=\"boom\")\nawait sleep(0.05)\n").unwrap();
    assert_eq!(s.new_failures(), vec!["task `boom` failed: ValueError: bad".to_string()]);
    assert!(s.new_failures().is_empty());
    s.shutdown(Duration::from_secs(1));
}

#[test]
fn interrupting_a_busy_loop_and_an_await() {
    let mut s = Session::new(&opts());
    let start = std::time::Instant::now();
    let after = move || start.elapsed() > Duration::from_millis(200);
    let e = s.eval(None, "var i = 0\nwhile True:\n    i += 1\n", &after);
    assert!(matches!(e.outcome, Outcome::Interrupted), "{:?}", e.outcome);
    let start = std::time::Instant::now();
    let after = move || start.elapsed() > Duration::from_millis(200);
    let e = s.eval(None, "await sleep(60)\n", &after);
    assert!(matches!(e.outcome, Outcome::Interrupted), "{:?}", e.outcome);
    assert_eq!(eval(&mut s, "i > 0\n"), Ok("True".into()));
    s.shutdown(Duration::from_secs(1));
}

#[test]
fn a_test_runs_alone_with_a_time_limit() {
    let src = "\
var counter = 0
counter += 1

fn test_top_level_ran_once():
    assert counter == 1

async fn test_async():
    await sleep(0.01)
    assert [1, 2] == [1, 3]

async fn test_slow():
    await sleep(60)

fn test_spin():
    while True:
        pass

fn main():
    raise ValueError(\"main must not run\")
";
    let (tf, diags) = compile_tests("t.mojo", src);
    let tf = tf.ready().unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(tf.tests, ["test_top_level_ran_once", "test_async", "test_slow", "test_spin"]);
    let limit = Duration::from_millis(500);
    assert!(matches!(run_test(&tf.program, "test_top_level_ran_once", &opts(), limit), TestOutcome::Pass));
    match run_test(&tf.program, "test_async", &opts(), limit) {
        TestOutcome::Fail { message, .. } => {
            assert_eq!(message, "AssertionError: assertion failed: [1, 2] == [1, 3] (left: [1, 2], right: [1, 3])")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(run_test(&tf.program, "test_slow", &opts(), limit), TestOutcome::Timeout));
    assert!(matches!(run_test(&tf.program, "test_spin", &opts(), limit), TestOutcome::Timeout));
}

/// `spawn(g(x))` of a global async fn is one instruction that builds the
/// task directly; in the REPL globals can be rebound, and then the same
/// instruction takes the general way (call `g`, spawn what it returns).
#[test]
fn spawn_of_a_global_call_follows_rebinding() {
    let mut s = Session::new(&opts());
    eval(&mut s, "async fn g(x: Int) -> Int:\n    return x * 2\n").unwrap();
    assert_eq!(eval(&mut s, "await spawn(g(21))\n"), Ok("42".into()));
    assert_eq!(eval(&mut s, "spawn(g(1)).name()\n"), Ok("'g'".into()));
    // Rebound to a plain function that returns a coroutine: still spawned.
    eval(&mut s, "async fn h(x: Int) -> Int:\n    return x + 100\n").unwrap();
    eval(&mut s, "fn g2(x: Int):\n    return h(x)\n").unwrap();
    eval(&mut s, "g = g2\n").unwrap();
    assert_eq!(eval(&mut s, "await spawn(g(1))\n"), Ok("101".into()));
    // Rebound to something that is not callable: the call's own error.
    eval(&mut s, "g = 5\n").unwrap();
    let err = eval(&mut s, "spawn(g(1))\n").unwrap_err();
    assert!(err.contains("Int"), "{err}");
}
