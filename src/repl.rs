//! The interactive REPL (LANGUAGE.md §14) on rustyline: multi-line input,
//! history in `~/.mojolite_history`, Tab completion, syntax colouring,
//! commands, and Ctrl-C to cancel the running input. Evaluation is
//! `vm::session::Session`: one runtime for the whole session, each input run
//! as the task `main`, spawned tasks running on between inputs.

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{Config, Context, Editor, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use vm::session::{Eval, Outcome, Session};
use vm::Value;

const HELP: &str = "\
Type code and press Enter; a block (a line ending in `:`) continues until an
empty line, and so does an open bracket until it is closed. The value of an
expression is printed (except None). `await` works at the prompt, and tasks
you `spawn` keep running between inputs.

commands:
  :help          this text
  :quit          leave (also Ctrl-D)
  :tasks         the tasks still running and where each one waits
  :time EXPR     run EXPR (or a statement) and print how long it took
  :load FILE     run FILE's top level here, defining its names (`main` is not called)
  :disasm EXPR   the bytecode of the function EXPR names (or of EXPR itself)

keys: Tab completes names, keywords and `value.members`; Ctrl-C cancels the
running input (or clears the line being typed); Up/Down walk the history.
";

const COMMANDS: &[&str] = &[":help", ":quit", ":tasks", ":time", ":load", ":disasm"];

const KEYWORDS: &[&str] = &[
    "fn", "def", "async", "await", "let", "var", "struct", "trait", "alias", "return", "if", "elif", "else", "while",
    "for", "in", "break", "continue", "match", "case", "pass", "raise", "try", "except", "finally", "with", "as",
    "and", "or", "not", "import", "from", "True", "False", "None", "assert", "self",
];

/// Methods of the builtin types, filtered per value with `has_method`.
const BUILTIN_METHODS: &[&str] = &[
    "append",
    "pop",
    "insert",
    "extend",
    "index",
    "remove",
    "sort",
    "reverse",
    "clear",
    "count",
    "copy",
    "len",
    "get",
    "keys",
    "values",
    "items",
    "setdefault",
    "update",
    "split",
    "splitlines",
    "join",
    "replace",
    "startswith",
    "endswith",
    "strip",
    "lstrip",
    "rstrip",
    "find",
    "upper",
    "lower",
    "format",
    "isdigit",
    "isalpha",
    "isspace",
    "is_ok",
    "is_err",
    "is_some",
    "is_none",
    "unwrap",
    "unwrap_or",
    "expect",
    "map",
    "ok",
    "err",
    "cancel",
    "is_done",
    "name",
    "catch",
    "await",
];

/// Ctrl-C presses while an input runs (the terminal is in cooked mode then,
/// so Ctrl-C is a SIGINT; while a line is edited rustyline gets it as a key).
static INTERRUPTS: AtomicUsize = AtomicUsize::new(0);

#[cfg(unix)]
extern "C" fn on_sigint(_: libc::c_int) {
    INTERRUPTS.fetch_add(1, Ordering::SeqCst);
}

fn install_sigint() {
    #[cfg(unix)]
    // SAFETY: the handler only increments an atomic (async-signal-safe).
    unsafe {
        let handler: extern "C" fn(libc::c_int) = on_sigint;
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

fn interrupted() -> bool {
    INTERRUPTS.swap(0, Ordering::SeqCst) > 0
}

/// `~/.mojolite_history` (`$MOJOLITE_HISTORY` overrides it; empty disables it).
fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MOJOLITE_HISTORY") {
        return if p.is_empty() { None } else { Some(PathBuf::from(p)) };
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".mojolite_history"))
}

pub fn run(opts: &vm::interp::RunOptions) -> u8 {
    let mut session = Session::new(opts);
    let color_err = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    session.color = color_err;
    let session = Rc::new(RefCell::new(session));
    let interactive = std::io::stdin().is_terminal();
    let color = interactive
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true);
    let config = Config::builder().auto_add_history(false).history_ignore_space(true).build();
    let mut rl: Editor<ReplHelper, FileHistory> = match Editor::with_config(config) {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("mojolite: cannot start the line editor: {e}");
            return 2;
        }
    };
    rl.set_helper(Some(ReplHelper { session: session.clone(), color }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    install_sigint();
    if interactive {
        println!("mojolite {} — :help for help, Ctrl-D to exit", env!("CARGO_PKG_VERSION"));
    }
    while let Some(input) = read_input(&mut rl) {
        let text = input.trim();
        if text.is_empty() {
            continue;
        }
        if text.starts_with(':') {
            let (cmd, arg) = match text.split_once(char::is_whitespace) {
                Some((c, a)) => (c, a.trim()),
                None => (text, ""),
            };
            if !command(&session, cmd, arg) {
                break;
            }
        } else {
            INTERRUPTS.store(0, Ordering::SeqCst);
            let eval = session.borrow_mut().eval(None, &input, &interrupted);
            report(&eval);
        }
        let _ = std::io::stdout().flush();
        for f in session.borrow_mut().new_failures() {
            eprintln!("note: {f}");
        }
    }
    if let Some(h) = &history {
        let _ = rl.save_history(h);
    }
    // Leave the background tasks a moment for their `finally` blocks.
    session.borrow_mut().shutdown(Duration::from_secs(1));
    0
}

/// Reads one input: a line, or a block of lines. `None` at the end (Ctrl-D).
fn read_input(rl: &mut Editor<ReplHelper, FileHistory>) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    loop {
        let prompt = if lines.is_empty() { ">>> " } else { "... " };
        match rl.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = rl.add_history_entry(line.as_str());
                }
                // A paste may bring several lines at once.
                let mut ended = false;
                for l in line.split('\n') {
                    let l = l.trim_end_matches('\r');
                    if lines.is_empty() && l.trim().is_empty() {
                        continue;
                    }
                    if !lines.is_empty() && l.trim().is_empty() && is_block(&lines) {
                        ended = true;
                        break;
                    }
                    lines.push(l.to_string());
                }
                if lines.is_empty() {
                    return Some(String::new());
                }
                if ended || !needs_more(&lines) {
                    let mut src = lines.join("\n");
                    src.push('\n');
                    return Some(src);
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C while typing: drop the input.
                if !lines.is_empty() {
                    eprintln!("(input discarded)");
                }
                lines.clear();
                return Some(String::new());
            }
            Err(ReadlineError::Eof) => return None,
            Err(e) => {
                eprintln!("mojolite: cannot read input: {e}");
                return None;
            }
        }
    }
}

/// What a scan of the input so far found.
#[derive(Default)]
struct Scan {
    depth: i32,
    in_triple: bool,
    /// Lines whose code (outside strings and comments) ends with `:`.
    colon_lines: usize,
    last_ends_colon: bool,
    last_ends_backslash: bool,
}

fn scan(lines: &[String]) -> Scan {
    let mut s = Scan::default();
    let mut triple: Option<char> = None;
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut last_code: Option<char> = None;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = triple {
                if c == '\\' {
                    i += 2;
                    continue;
                }
                if c == q && chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q) {
                    triple = None;
                    last_code = Some(q);
                    i += 3;
                    continue;
                }
                i += 1;
                continue;
            }
            match c {
                '#' => break,
                '\'' | '"' => {
                    if chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c) {
                        triple = Some(c);
                        i += 3;
                        continue;
                    }
                    // A one-line string: to its end or the end of the line.
                    i += 1;
                    while i < chars.len() && chars[i] != c {
                        if chars[i] == '\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    last_code = Some(c);
                }
                '(' | '[' | '{' => s.depth += 1,
                ')' | ']' | '}' => s.depth -= 1,
                _ => {}
            }
            if !c.is_whitespace() && c != '#' {
                last_code = Some(c);
            }
            i += 1;
        }
        s.last_ends_colon = triple.is_none() && last_code == Some(':');
        s.last_ends_backslash = triple.is_none() && last_code == Some('\\');
        if s.last_ends_colon {
            s.colon_lines += 1;
        }
    }
    s.in_triple = triple.is_some();
    s
}

/// The input is a block: it continues until an empty line.
fn is_block(lines: &[String]) -> bool {
    lines.first().is_some_and(|l| l.trim_start().starts_with('@')) || scan(lines).colon_lines > 0
}

fn needs_more(lines: &[String]) -> bool {
    if lines.len() == 1 && lines[0].trim_start().starts_with(':') {
        return false;
    }
    let s = scan(lines);
    s.in_triple || s.depth > 0 || s.last_ends_backslash || is_block(lines)
}

fn report(eval: &Eval) {
    if !eval.diagnostics.is_empty() {
        eprint!("{}", eval.diagnostics);
    }
    match &eval.outcome {
        Outcome::Value(Value::None, _) | Outcome::Done | Outcome::CompileError => {}
        Outcome::Value(_, repr) => println!("{repr}"),
        Outcome::Failed(text) => {
            let _ = std::io::stdout().flush();
            eprint!("{text}");
        }
        Outcome::Interrupted => eprintln!("interrupted"),
        Outcome::Abandoned => {
            eprintln!(
                "the input does not stop (is it stuck in a builtin?); it goes on in the background as task `main`"
            )
        }
    }
}

/// Runs a `:command`; false means leave the REPL.
fn command(session: &Rc<RefCell<Session>>, cmd: &str, arg: &str) -> bool {
    match cmd {
        ":help" | ":h" | ":?" => print!("{HELP}"),
        ":quit" | ":q" | ":exit" => return false,
        ":tasks" => {
            let tasks = session.borrow().tasks();
            if tasks.is_empty() {
                println!("no tasks running");
            }
            for (name, id, at) in tasks {
                println!("  {name} (#{id}): {at}");
            }
        }
        ":time" => {
            let mut s = session.borrow_mut();
            let Some((program, diagnostics)) = compile_argument(&mut s, ":time", "fib(20)", arg) else {
                return true;
            };
            let start = Instant::now();
            let outcome = s.run(&program, &interrupted);
            let took = start.elapsed();
            report(&Eval { diagnostics, outcome });
            println!("time: {}", human_duration(took));
        }
        ":load" => {
            if arg.is_empty() {
                eprintln!(":load needs a file, e.g. `:load examples/hello.mojo`");
                return true;
            }
            let src = match crate::source::read(arg) {
                Ok(s) => s,
                Err(msg) => {
                    eprintln!("{msg}");
                    return true;
                }
            };
            INTERRUPTS.store(0, Ordering::SeqCst);
            let eval = session.borrow_mut().eval(Some(arg), &src, &interrupted);
            let ok = matches!(eval.outcome, Outcome::Value(..) | Outcome::Done);
            report(&eval);
            if ok {
                let has_main = session.borrow().global_names().iter().any(|n| n == "main");
                let names = if has_main { " (`main` was not called: `main()` or `await main()` runs it)" } else { "" };
                println!("loaded {arg}{names}");
            }
        }
        ":disasm" => {
            let mut s = session.borrow_mut();
            let Some((program, diagnostics)) = compile_argument(&mut s, ":disasm", "fib", arg) else {
                return true;
            };
            if !diagnostics.is_empty() {
                eprint!("{diagnostics}");
            }
            match s.run(&program, &interrupted) {
                Outcome::Value(v, _) => match function_of(&v) {
                    Some(proto) => {
                        let src = s.source_of(&proto.file).unwrap_or("").to_string();
                        print!("{}", vm::disasm::disassemble(&proto, &src));
                    }
                    None => print!("{}", vm::disasm::disassemble(&program.init, &program.src)),
                },
                Outcome::Done => print!("{}", vm::disasm::disassemble(&program.init, &program.src)),
                outcome => report(&Eval { diagnostics: String::new(), outcome }),
            }
        }
        _ => eprintln!("unknown command `{cmd}` (:help lists the commands)"),
    }
    true
}

/// Compiles the expression a `:time`/`:disasm` command was given. None
/// (after telling the user) when it is missing or does not compile.
fn compile_argument(s: &mut Session, cmd: &str, example: &str, arg: &str) -> Option<(vm::Program, String)> {
    if arg.is_empty() {
        eprintln!("{cmd} needs an expression, e.g. `{cmd} {example}`");
        return None;
    }
    INTERRUPTS.store(0, Ordering::SeqCst);
    let (program, diagnostics) = s.compile(None, &format!("{arg}\n"));
    match program {
        Some(program) => Some((program, diagnostics)),
        None => {
            report(&Eval { diagnostics, outcome: Outcome::CompileError });
            None
        }
    }
}

/// The compiled function behind a value, if it is one.
fn function_of(v: &Value) -> Option<std::sync::Arc<vm::bytecode::FuncProto>> {
    match v {
        Value::Func(c) => Some(c.proto.clone()),
        Value::Bound(b) => function_of(&b.method),
        _ => None,
    }
}

fn human_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 1e-3 {
        format!("{:.3} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

/// Completion, colouring (and rustyline's other hooks, left as defaults).
struct ReplHelper {
    session: Rc<RefCell<Session>>,
    color: bool,
}

impl Helper for ReplHelper {}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Validator for ReplHelper {}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        let trimmed = before.trim_start();
        if trimmed.starts_with(':') && !trimmed.contains(char::is_whitespace) {
            let start = before.len() - trimmed.len();
            return Ok((start, pairs(COMMANDS.iter().map(|s| s.to_string()), trimmed)));
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '.'))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let word = &before[start..];
        if let Some(dot) = word.rfind('.') {
            let (obj, partial) = (&word[..dot], &word[dot + 1..]);
            let members = self.members(obj);
            let shown = members.into_iter().filter(|m| !m.starts_with("__") || partial.starts_with('_'));
            return Ok((start + dot + 1, pairs(shown, partial)));
        }
        let session = self.session.borrow();
        let names = KEYWORDS
            .iter()
            .map(|s| s.to_string())
            .chain(vm::builtins::names().map(str::to_string))
            .chain(session.global_names());
        Ok((start, pairs(names, word)))
    }
}

fn pairs(names: impl Iterator<Item = String>, prefix: &str) -> Vec<Pair> {
    let mut out: Vec<String> = names.filter(|n| n.starts_with(prefix)).collect();
    out.sort();
    out.dedup();
    out.into_iter().map(|n| Pair { display: n.clone(), replacement: n }).collect()
}

impl ReplHelper {
    /// The members of the global (or standard module) `obj`.
    fn members(&self, obj: &str) -> Vec<String> {
        if obj.is_empty() || obj.contains('.') {
            return Vec::new();
        }
        let session = self.session.borrow();
        if let Some(exports) = session.std_module(obj) {
            return exports.iter().map(|s| s.to_string()).collect();
        }
        match session.global(obj) {
            Some(v) => value_members(&v),
            None => Vec::new(),
        }
    }
}

fn value_members(v: &Value) -> Vec<String> {
    match v {
        Value::Struct(o) => {
            let mut out = o.ty.fields.clone();
            out.extend(o.ty.methods.iter().map(|(n, _)| n.to_string()));
            out
        }
        Value::Type(t) => match &**t {
            vm::types::TypeInfo::Struct(st) => st.methods.iter().map(|(n, _)| n.to_string()).collect(),
            _ => Vec::new(),
        },
        Value::Module(m) => m.globals.names.iter().filter(|n| !vm::compiler::is_hidden_global(n)).cloned().collect(),
        Value::Error(_) => vec!["kind".into(), "message".into()],
        Value::Channel(_) => vm::chan::METHODS.iter().map(|s| s.to_string()).collect(),
        Value::Handle(h) => vm::handles::method_names(h).iter().map(|s| s.to_string()).collect(),
        other => BUILTIN_METHODS
            .iter()
            .filter(|m| vm::builtins::methods::has_method(other, m))
            .map(|s| s.to_string())
            .collect(),
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.trim_start().starts_with(':') {
            return Cow::Borrowed(line);
        }
        Cow::Owned(colorize(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

const KEYWORD_COLOR: &str = "\x1b[1;35m";
const STRING_COLOR: &str = "\x1b[32m";
const NUMBER_COLOR: &str = "\x1b[33m";
const COMMENT_COLOR: &str = "\x1b[90m";
const RESET: &str = "\x1b[0m";

/// Colours keywords, strings, numbers and comments of one line (the text
/// itself is unchanged: only escape sequences are added).
fn colorize(line: &str) -> String {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map(|(b, _)| *b).unwrap_or(line.len());
    let mut out = String::with_capacity(line.len() * 2);
    let mut k = 0;
    while k < chars.len() {
        let (b, c) = chars[k];
        if c == '#' {
            out.push_str(COMMENT_COLOR);
            out.push_str(&line[b..]);
            out.push_str(RESET);
            break;
        }
        if c == '"' || c == '\'' {
            let triple = chars.get(k + 1).map(|x| x.1) == Some(c) && chars.get(k + 2).map(|x| x.1) == Some(c);
            k += if triple { 3 } else { 1 };
            while k < chars.len() {
                let ch = chars[k].1;
                if ch == '\\' {
                    k += 2;
                    continue;
                }
                if ch == c {
                    if !triple {
                        k += 1;
                        break;
                    }
                    if chars.get(k + 1).map(|x| x.1) == Some(c) && chars.get(k + 2).map(|x| x.1) == Some(c) {
                        k += 3;
                        break;
                    }
                }
                k += 1;
            }
            let k_end = k.min(chars.len());
            out.push_str(STRING_COLOR);
            out.push_str(&line[b..end_of(k_end)]);
            out.push_str(RESET);
            k = k_end;
            continue;
        }
        if c.is_ascii_digit() {
            let start = k;
            while k < chars.len() && (chars[k].1.is_ascii_alphanumeric() || chars[k].1 == '_') {
                k += 1;
            }
            if k + 1 < chars.len() && chars[k].1 == '.' && chars[k + 1].1.is_ascii_digit() {
                k += 1;
                while k < chars.len() && (chars[k].1.is_ascii_alphanumeric() || chars[k].1 == '_') {
                    k += 1;
                }
            }
            out.push_str(NUMBER_COLOR);
            out.push_str(&line[chars[start].0..end_of(k)]);
            out.push_str(RESET);
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = k;
            while k < chars.len() && (chars[k].1.is_alphanumeric() || chars[k].1 == '_') {
                k += 1;
            }
            let word = &line[chars[start].0..end_of(k)];
            let is_prefix = matches!(word, "f" | "r" | "b" | "rb" | "br" | "fr" | "rf")
                && chars.get(k).is_some_and(|x| x.1 == '"' || x.1 == '\'');
            let after_dot = start > 0 && chars[start - 1].1 == '.';
            if is_prefix {
                out.push_str(STRING_COLOR);
                out.push_str(word);
                out.push_str(RESET);
            } else if KEYWORDS.contains(&word) && word != "self" && !after_dot {
                out.push_str(KEYWORD_COLOR);
                out.push_str(word);
                out.push_str(RESET);
            } else {
                out.push_str(word);
            }
            continue;
        }
        out.push(c);
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(src: &[&str]) -> Vec<String> {
        src.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn continuation() {
        assert!(!needs_more(&lines(&["1 + 2"])));
        assert!(needs_more(&lines(&["fn f(x):"])));
        assert!(needs_more(&lines(&["fn f(x):", "    return x"])));
        assert!(needs_more(&lines(&["xs = [1,"])));
        assert!(!needs_more(&lines(&["xs = [1,", "2]"])));
        assert!(!needs_more(&lines(&["s = \"a:\""])));
        assert!(!needs_more(&lines(&["x = 1  # note:"])));
        assert!(needs_more(&lines(&["s = \"\"\"abc"])));
        assert!(!needs_more(&lines(&[":time f(1)"])));
        assert!(needs_more(&lines(&["@staticmethod"])));
    }

    #[test]
    fn colouring_keeps_the_text() {
        let line = "let s = f\"a{x}\" + 'b' # c: 12";
        let coloured = colorize(line);
        let plain: String = strip_ansi(&coloured);
        assert_eq!(plain, line);
        assert!(coloured.contains(KEYWORD_COLOR));
        assert_eq!(strip_ansi(&colorize("x = \"unterminated")), "x = \"unterminated");
        assert_eq!(strip_ansi(&colorize("1..=10 + 0x1F + 3.5e2 — ü")), "1..=10 + 0x1F + 3.5e2 — ü");
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut it = s.chars().peekable();
        while let Some(c) = it.next() {
            if c == '\x1b' {
                for d in it.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
