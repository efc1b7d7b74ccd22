//! Mutation fuzzing of the front end (lexer, parser, compiler).
//!
//! Every `.mojo` file under `$MOJOLITE_CASES` (when set) and under
//! `tests/golden/` is mutated with a fixed-seed xorshift PRNG — truncation,
//! line deletion/duplication/swaps, token insertion, indentation changes,
//! character deletion — and each variant is fed to `vm::compile_source` inside
//! `catch_unwind`. The test asserts:
//!
//! - no variant panics (the language promises that no input crashes the interpreter);
//! - either a program comes back or at least one *error* diagnostic does;
//! - every diagnostic span lies within `0..=src.len()`, has `lo <= hi`, sits
//!   on char boundaries, and renders without panicking.
//!
//! Panics are minimised (line-wise, then char-wise delta debugging) and the
//! reproducers printed. A watchdog fails the test (printing the variant) if
//! one compilation takes longer than `STUCK_AFTER`: a hang is a bug too.
//!
//! Tunables: `MOJOLITE_MUTATION_VARIANTS` (default 6000),
//! `MOJOLITE_MUTATION_SEED` (default `DEFAULT_SEED`; decimal or 0x-hex).

#[path = "support/bounded.rs"]
mod bounded;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DEFAULT_VARIANTS: usize = 6000;
const DEFAULT_SEED: u64 = 0x5eed_0f00_0000_0d0d;
const STUCK_AFTER: Duration = Duration::from_secs(20);
const FILE_NAME: &str = "mutant.mojo";

/// Tokens inserted at random places.
const TOKENS: &[&str] = &[
    "(",
    ")",
    ":",
    "await",
    "fn",
    "\"",
    "f\"{",
    "\t",
    "    ",
    "match",
    "case",
    "*",
    "**",
    "..=",
    "?",
    "@",
    "::",
    "[",
    "]",
    "{",
    "}",
    "\n",
    "\\",
    "'",
    "\"\"\"",
    "lambda",
    "=",
    "->",
    ",",
    ".",
    "0x",
    "1e",
    "}}",
    "{{",
    "else:",
    "return",
    "let",
    "var",
    "struct",
    "trait",
    "async",
    "spawn",
    "|",
    "not",
    "in",
    "if",
    "#",
    "-",
    "%",
    "9223372036854775808",
    "1_",
    "0b2",
    "\\u{",
];

/// Random non-ASCII characters (multi-byte in UTF-8) for insertion.
const UNICODE: &[char] = &[
    'é', 'λ', '→', '日', '🔥', '\u{200b}', '\u{feff}', '\u{0301}', 'ß', '∀', '\u{2028}', '😀', 'Ω', '\u{a0}',
    '\u{3000}',
];

struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        XorShift(if seed == 0 { 0x9e37_79b9_7f4a_7c15 } else { seed })
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// Uniform-ish in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    bounded::files_with_extension(dir, "mojo", out);
}

/// A random char boundary in `0..=s.len()`.
fn boundary(rng: &mut XorShift, s: &str) -> usize {
    let mut i = rng.below(s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn split_lines(s: &str) -> Vec<String> {
    s.split_inclusive('\n').map(String::from).collect()
}

/// Applies one random mutation; returns its name.
fn mutate_once(rng: &mut XorShift, src: &mut String) -> &'static str {
    match rng.below(9) {
        0 => {
            let at = boundary(rng, src);
            src.truncate(at);
            "truncate"
        }
        1 => {
            let mut lines = split_lines(src);
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                lines.remove(i);
            }
            *src = lines.concat();
            "delete-line"
        }
        2 => {
            let mut lines = split_lines(src);
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                let mut l = lines[i].clone();
                if !l.ends_with('\n') {
                    l.push('\n');
                }
                lines.insert(i, l);
            }
            *src = lines.concat();
            "duplicate-line"
        }
        3 => {
            let mut lines = split_lines(src);
            if lines.len() >= 2 {
                if let Some(last) = lines.last_mut() {
                    if !last.ends_with('\n') {
                        last.push('\n');
                    }
                }
                let i = rng.below(lines.len());
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            *src = lines.concat();
            "swap-lines"
        }
        4 | 5 => {
            let at = boundary(rng, src);
            let tok = TOKENS[rng.below(TOKENS.len())];
            src.insert_str(at, tok);
            "insert-token"
        }
        6 => {
            let at = boundary(rng, src);
            let c = UNICODE[rng.below(UNICODE.len())];
            src.insert(at, c);
            "insert-unicode"
        }
        7 => {
            let mut lines = split_lines(src);
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                let body = lines[i].trim_start_matches(' ').to_string();
                let indent = lines[i].len() - body.len();
                let new_indent = match rng.below(5) {
                    0 => indent + 1,
                    1 => indent.saturating_sub(1),
                    2 => indent + 4,
                    3 => indent.saturating_sub(4),
                    _ => 0,
                };
                let prefix = if rng.below(6) == 0 { "\t".repeat(new_indent / 4 + 1) } else { " ".repeat(new_indent) };
                lines[i] = prefix + &body;
            }
            *src = lines.concat();
            "indent"
        }
        _ => {
            if !src.is_empty() {
                let at = boundary(rng, src);
                let at = if at == src.len() { src.char_indices().last().map(|(i, _)| i).unwrap_or(0) } else { at };
                src.remove(at);
            }
            "delete-char"
        }
    }
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The result of feeding one source to the front end.
enum Verdict {
    Compiled,
    Rejected,
    /// A panic: `where` is `file:line` of the panic site (its identity).
    Panic {
        site: String,
        message: String,
    },
    /// An invariant broke without a panic.
    Bad(String),
}

fn check_source(src: &str) -> Verdict {
    LAST_PANIC.with(|p| *p.borrow_mut() = None);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let (program, diags) = vm::compile_source(FILE_NAME, src);
        // Rendering is part of reporting; it must not panic either.
        let rendered: Vec<String> = diags.iter().map(|d| d.render(FILE_NAME, src, false)).collect();
        (program.is_some(), diags, rendered)
    }));
    match result {
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "<non-string panic>".into());
            let site = LAST_PANIC.with(|p| p.borrow().clone()).unwrap_or_else(|| "?".into());
            Verdict::Panic { site, message }
        }
        Ok((has_program, diags, _rendered)) => {
            for d in &diags {
                let (lo, hi) = (d.span.lo as usize, d.span.hi as usize);
                if lo > hi || hi > src.len() {
                    return Verdict::Bad(format!("span {lo}..{hi} outside 0..={} for `{}`", src.len(), d.message));
                }
                if !src.is_char_boundary(lo) || !src.is_char_boundary(hi) {
                    return Verdict::Bad(format!("span {lo}..{hi} not on a char boundary for `{}`", d.message));
                }
            }
            let has_error = diags.iter().any(|d| d.is_error());
            if has_program {
                Verdict::Compiled
            } else if has_error {
                Verdict::Rejected
            } else {
                Verdict::Bad("no program and no error diagnostic".into())
            }
        }
    }
}

/// Does `src` still trigger the same failure?
fn same_failure(src: &str, want: &str) -> bool {
    match check_source(src) {
        Verdict::Panic { site, .. } => site == want,
        Verdict::Bad(msg) => want.starts_with("bad:") && failure_key_bad(&msg) == want,
        _ => false,
    }
}

fn failure_key_bad(msg: &str) -> String {
    // Group invariant failures by their shape, not by the offsets.
    let shape: String = msg.chars().filter(|c| !c.is_ascii_digit()).collect();
    format!("bad:{shape}")
}

/// Delta-debugging style minimisation: drop chunks of lines, then chunks of chars.
fn minimise(src: &str, key: &str) -> String {
    let mut cur = src.to_string();
    // Lines.
    let mut chunk = split_lines(&cur).len().max(1);
    while chunk >= 1 {
        let mut i = 0;
        loop {
            let lines = split_lines(&cur);
            if i >= lines.len() {
                break;
            }
            let end = (i + chunk).min(lines.len());
            let cand: String = lines[..i].concat() + &lines[end..].concat();
            if cand.len() < cur.len() && same_failure(&cand, key) {
                cur = cand;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 {
            break;
        }
        chunk /= 2;
    }
    // Characters.
    let mut chunk = (cur.chars().count() / 2).max(1);
    while chunk >= 1 {
        let mut i = 0;
        loop {
            let chars: Vec<char> = cur.chars().collect();
            if i >= chars.len() {
                break;
            }
            let end = (i + chunk).min(chars.len());
            let cand: String = chars[..i].iter().chain(chars[end..].iter()).collect();
            if same_failure(&cand, key) {
                cur = cand;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 {
            break;
        }
        chunk /= 2;
    }
    cur
}

#[derive(Default)]
struct Stats {
    variants: usize,
    compiled: usize,
    rejected: usize,
    by_kind: BTreeMap<&'static str, (usize, usize)>,
    /// failure key -> (first source, its description, count)
    failures: BTreeMap<String, (String, String, usize)>,
    slowest: (Duration, String),
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| {
            let v = v.trim();
            v.strip_prefix("0x").map(|h| u64::from_str_radix(h, 16).ok()).unwrap_or_else(|| v.parse().ok())
        })
        .unwrap_or(default)
}

#[test]
fn mutated_sources_never_crash_the_front_end() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("tests/golden"), &mut files);
    if let Ok(extra) = std::env::var("MOJOLITE_CASES") {
        collect(&root.join(extra), &mut files);
    }
    let sources: Vec<(PathBuf, String)> =
        files.into_iter().filter_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s))).collect();
    if sources.is_empty() {
        println!("no .mojo sources found; nothing to mutate");
        return;
    }
    let target = env_num("MOJOLITE_MUTATION_VARIANTS", DEFAULT_VARIANTS as u64) as usize;
    let seed = env_num("MOJOLITE_MUTATION_SEED", DEFAULT_SEED);
    let per_file = target.div_ceil(sources.len()).max(1);

    // Silence the default panic output; remember where each panic happened.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let site = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_else(|| "?".into());
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(site));
    }));

    // The work runs on a thread with a large stack; this thread is the watchdog.
    let current: Arc<Mutex<Option<(Instant, String)>>> = Arc::new(Mutex::new(None));
    let cur2 = Arc::clone(&current);
    let started = Instant::now();
    let worker = std::thread::Builder::new()
        .name("mutation".into())
        .stack_size(64 << 20)
        .spawn(move || {
            let mut rng = XorShift::new(seed);
            let mut stats = Stats::default();
            for (path, original) in &sources {
                // The unmutated source first (it must not fail either), then its variants.
                for n in 0..=per_file {
                    let mut src = original.clone();
                    let mut kinds = Vec::new();
                    if n == 0 {
                        kinds.push("none (original)");
                    } else {
                        let rounds = 1 + rng.below(3);
                        for _ in 0..rounds {
                            kinds.push(mutate_once(&mut rng, &mut src));
                        }
                    }
                    let kind = kinds[0];
                    if let Ok(mut c) = cur2.lock() {
                        *c = Some((Instant::now(), src.clone()));
                    }
                    let t0 = Instant::now();
                    let verdict = check_source(&src);
                    let took = t0.elapsed();
                    if took > stats.slowest.0 {
                        stats.slowest = (took, format!("{} [{}]", path.display(), kinds.join("+")));
                    }
                    stats.variants += 1;
                    let entry = stats.by_kind.entry(kind).or_default();
                    match verdict {
                        Verdict::Compiled => {
                            stats.compiled += 1;
                            entry.0 += 1;
                        }
                        Verdict::Rejected => {
                            stats.rejected += 1;
                            entry.1 += 1;
                        }
                        Verdict::Panic { site, message } => {
                            let f = stats.failures.entry(site.clone()).or_insert_with(|| {
                                (src.clone(), format!("panic at {site}: {message}"), 0)
                            });
                            f.2 += 1;
                        }
                        Verdict::Bad(msg) => {
                            let key = failure_key_bad(&msg);
                            let f = stats
                                .failures
                                .entry(key)
                                .or_insert_with(|| (src.clone(), format!("invariant: {msg}"), 0));
                            f.2 += 1;
                        }
                    }
                }
            }
            if let Ok(mut c) = cur2.lock() {
                *c = None;
            }
            // Minimise one reproducer per distinct failure.
            let mut reports = Vec::new();
            for (key, (src, what, count)) in &stats.failures {
                let small = minimise(src, key);
                reports.push(format!(
                    "{what}  ({count} variant(s))\nminimal reproducer ({} bytes): {:?}\n--- source ---\n{small}\n--------------",
                    small.len(),
                    small
                ));
            }
            (stats, reports)
        })
        .expect("spawn worker");

    // Watchdog: a single compilation that never ends is a hang, i.e. a bug.
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(100));
        let stuck = current.lock().ok().and_then(|c| c.as_ref().map(|(t, s)| (t.elapsed(), s.clone())));
        if let Some((elapsed, src)) = stuck {
            if elapsed > STUCK_AFTER {
                std::panic::set_hook(default_hook);
                panic!("compile_source has been running for {elapsed:?} on one variant (hang?). Source:\n{src:?}");
            }
        }
    }
    let result = worker.join();
    std::panic::set_hook(default_hook);
    let (stats, reports) = result.expect("mutation worker died outside catch_unwind");

    println!(
        "mutation: {} variants from seed {seed:#x} in {:.1?}: {} compiled, {} rejected, {} failing",
        stats.variants,
        started.elapsed(),
        stats.compiled,
        stats.rejected,
        stats.failures.values().map(|f| f.2).sum::<usize>()
    );
    for (kind, (ok, rej)) in &stats.by_kind {
        println!("  first mutation {kind:<15} compiled {ok:>5}  rejected {rej:>5}");
    }
    println!("  slowest variant: {:.1?} ({})", stats.slowest.0, stats.slowest.1);
    for r in &reports {
        println!("\nFAILURE {r}");
    }
    assert!(stats.variants >= target.min(5000), "only {} variants generated", stats.variants);
    assert!(
        reports.is_empty(),
        "{} distinct front-end failure(s) (panics or broken diagnostics); see the reproducers above",
        reports.len()
    );
}

/// How many mutated programs `mutated_programs_end_with_a_documented_exit`
/// runs (`MOJOLITE_RUN_MUTANTS` overrides), and each run's time limit.
const DEFAULT_RUN_MUTANTS: usize = 3000;
const RUN_LIMIT: Duration = Duration::from_secs(5);

/// The whole `run` path on broken programs: mutated golden programs (the
/// network ones left out) are run by the `mojolite` binary, each in its own
/// folder with `--virtual-time` and a time limit. Every run must end with a
/// documented exit status, 0, 1 (a runtime error) or 2 (a compile error),
/// and a failure must say why on stderr; a Rust panic, an abort, a signal or
/// the "internal error" status 101 fails the test. A run still going at the
/// limit is counted (a mutant may loop for ever on purpose) but is not a
/// failure unless every run in a row times out.
#[test]
fn mutated_programs_end_with_a_documented_exit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["core", "async", "stdlib", "modules"] {
        collect(&root.join("tests/golden").join(dir), &mut files);
    }
    let sources: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    assert!(!sources.is_empty(), "no golden programs to mutate");
    let target = env_num("MOJOLITE_RUN_MUTANTS", DEFAULT_RUN_MUTANTS as u64) as usize;
    let mut rng = XorShift::new(env_num("MOJOLITE_MUTATION_SEED", DEFAULT_SEED) ^ 0x0ddba11);
    let mut mutants = Vec::with_capacity(target);
    while mutants.len() < target {
        let mut src = sources[rng.below(sources.len())].clone();
        for _ in 0..1 + rng.below(3) {
            mutate_once(&mut rng, &mut src);
        }
        mutants.push(src);
    }
    let scratch = std::env::temp_dir().join(format!("mojolite-mutants-{}", std::process::id()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let timeouts = std::sync::atomic::AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(src) = mutants.get(i) else { break };
                let dir = scratch.join(i.to_string());
                if std::fs::create_dir_all(&dir).is_err() || std::fs::write(dir.join(FILE_NAME), src).is_err() {
                    continue;
                }
                let mut cmd = std::process::Command::new(bounded::mojolite_bin());
                cmd.current_dir(&dir).args(["--virtual-time", "run", FILE_NAME]);
                let verdict = match bounded::run_bounded(cmd, RUN_LIMIT) {
                    Err(e) => Some(format!("could not run: {e}")),
                    Ok(o) if o.timed_out => {
                        timeouts.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        None
                    }
                    Ok(o) => {
                        let key = format!("exit {:?}", o.status);
                        *outcomes.lock().unwrap().entry(key).or_default() += 1;
                        match o.status {
                            _ if o.stderr.contains("panicked at") || o.stderr.contains("internal error") => {
                                Some(format!("exit {:?} with a panic:\n{}", o.status, o.stderr))
                            }
                            Some(0) => None,
                            Some(1 | 2) if o.stderr.trim().is_empty() => {
                                Some(format!("exit {:?} without a message on stderr", o.status))
                            }
                            Some(1 | 2) => None,
                            other => Some(format!("undocumented exit {other:?}:\n{}", o.stderr)),
                        }
                    }
                };
                let _ = std::fs::remove_dir_all(&dir);
                if let Some(v) = verdict {
                    failures.lock().unwrap().push(format!("{v}\n--- program ---\n{src}\n---------------"));
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let timeouts = timeouts.into_inner();
    println!(
        "run mutants: {} programs in {:.1?}: {:?}, {timeouts} still running at the {:?} limit",
        mutants.len(),
        started.elapsed(),
        outcomes.into_inner().unwrap(),
        RUN_LIMIT
    );
    let failures = failures.into_inner().unwrap();
    for f in failures.iter().take(10) {
        println!("\nFAILURE {f}");
    }
    assert!(failures.is_empty(), "{} mutated program(s) ended badly (first ones above)", failures.len());
    assert!(timeouts < mutants.len() / 10, "{timeouts} of {} runs hit the time limit", mutants.len());
}
