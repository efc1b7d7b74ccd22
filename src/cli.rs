//! Argument parsing and the subcommands.

use std::io::IsTerminal;

const USAGE: &str = "\
mojolite — a small Mojo-like language with native async/await

usage:
  mojolite run FILE [ARGS...]   run a program (its top level, then `main`)
  mojolite FILE [ARGS...]       same as `run`
  mojolite -e CODE              run CODE given on the command line
  mojolite check FILE           parse, compile and lint without running (exit 0 or 2)
  mojolite disasm FILE          print the bytecode of every function
  mojolite test [--timeout SECS] [PATH...]
                                run every `fn test_*` / `async fn test_*` in the files
                                (and the .mojo files under folders; default: .), each in
                                a fresh run with a time limit (default 10 s); prints
                                PASS/FAIL per test and `N passed, N failed`; exit 1 on failure
  mojolite repl                 the interactive REPL (:help lists its commands)
  mojolite                      the REPL when standard input is a terminal; otherwise
                                read a program from standard input and run it
  mojolite --help | --version

options (before FILE):
  --workers N      worker threads (default: CPU cores; 1 = deterministic FIFO)
  --seed N         seed for `random` and `select`
  --virtual-time   sleeps advance a virtual clock, so timed programs finish at once
  --trace          log each task's spawn/suspend/resume/finish to stderr
  --stats          print scheduler statistics at exit
  --max-memory SIZE  end the program with a MemoryError when it uses more than SIZE
                   (512M, 2G, ...; `none` for no limit; default: 3/4 of the RAM)

exit status: 0 ok, 1 runtime error, 2 compile error or bad command line
";

#[derive(Default, Debug)]
pub struct Options {
    pub workers: Option<usize>,
    pub seed: Option<u64>,
    pub virtual_time: bool,
    pub trace: bool,
    pub stats: bool,
    /// `--max-memory`, in bytes (`usize::MAX`: none).
    pub max_memory: Option<usize>,
}

enum Command {
    Run { file: String, args: Vec<String> },
    Eval { code: String, args: Vec<String> },
    Check { file: String },
    Disasm { file: String },
    Test { paths: Vec<String>, timeout: std::time::Duration },
    Repl,
    Stdin,
    Help,
    Version,
}

pub fn main() -> u8 {
    stdlib::install();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(args) {
        Ok((opts, cmd)) => dispatch(opts, cmd),
        Err(msg) => {
            eprintln!("mojolite: {msg}");
            eprintln!("run `mojolite --help` for usage");
            2
        }
    }
}

fn parse(args: Vec<String>) -> Result<(Options, Command), String> {
    let mut opts = Options::default();
    let mut it = args.into_iter();
    let mut rest = Vec::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--workers" | "--seed" => {
                let v = it.next().ok_or_else(|| format!("`{a}` needs a number"))?;
                let n: u64 = v.parse().map_err(|_| format!("`{a}` needs a number, got `{v}`"))?;
                if a == "--workers" {
                    if n == 0 || n > 1024 {
                        return Err("`--workers` must be between 1 and 1024".into());
                    }
                    opts.workers = Some(n as usize);
                } else {
                    opts.seed = Some(n);
                }
            }
            "--max-memory" => {
                let v = it.next().ok_or("`--max-memory` needs a size such as 512M or 2G")?;
                let bytes = vm::memory::parse_size(&v)
                    .ok_or_else(|| format!("`--max-memory` needs a size such as 512M or 2G (or `none`), got `{v}`"))?;
                opts.max_memory = Some(bytes);
            }
            "--virtual-time" => opts.virtual_time = true,
            "--trace" => opts.trace = true,
            "--stats" => opts.stats = true,
            "-h" | "--help" | "help" => return Ok((opts, Command::Help)),
            "-V" | "--version" => return Ok((opts, Command::Version)),
            "-e" => {
                let code = it.next().ok_or("`-e` needs the code to run")?;
                return Ok((opts, Command::Eval { code, args: it.collect() }));
            }
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`")),
            // A subcommand: options may also follow it (`run --virtual-time FILE`).
            "run" | "check" | "disasm" | "repl" if rest.is_empty() => rest.push(a),
            _ => {
                // The FILE (or test paths): what follows belongs to the program.
                rest.push(a);
                rest.extend(it.by_ref());
            }
        }
    }
    let mut rest = rest.into_iter();
    let cmd = match rest.next().as_deref() {
        None => Command::Stdin,
        Some("run") => {
            let file = rest.next().ok_or("`run` needs a FILE")?;
            Command::Run { file, args: rest.collect() }
        }
        Some("check") => Command::Check { file: rest.next().ok_or("`check` needs a FILE")? },
        Some("disasm") => Command::Disasm { file: rest.next().ok_or("`disasm` needs a FILE")? },
        Some("repl") => Command::Repl,
        Some("test") => {
            let mut paths = Vec::new();
            let mut timeout = crate::test_runner::DEFAULT_TIMEOUT;
            while let Some(a) = rest.next() {
                if a == "--timeout" {
                    let v = rest.next().ok_or("`--timeout` needs a number of seconds")?;
                    let secs: f64 =
                        v.parse().map_err(|_| format!("`--timeout` needs a number of seconds, got `{v}`"))?;
                    if !(secs > 0.0 && secs <= 1e6) {
                        return Err("`--timeout` must be a positive number of seconds".into());
                    }
                    timeout = std::time::Duration::from_secs_f64(secs);
                } else {
                    paths.push(a);
                }
            }
            Command::Test { paths, timeout }
        }
        Some(file) => Command::Run { file: file.to_string(), args: rest.collect() },
    };
    Ok((opts, cmd))
}

fn dispatch(opts: Options, cmd: Command) -> u8 {
    vm::memory::set_limit(opts.max_memory.unwrap_or_else(vm::memory::default_limit));
    match cmd {
        Command::Help => {
            print!("{USAGE}");
            0
        }
        Command::Version => {
            println!("mojolite {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Command::Run { file, args } => match crate::source::read(&file) {
            Ok(src) => run_source(&file, &src, args, &opts),
            Err(msg) => {
                eprintln!("{msg}");
                2
            }
        },
        Command::Eval { code, args } => run_source("<-e>", &code, args, &opts),
        Command::Repl => crate::repl::run(&run_options(&opts)),
        Command::Test { paths, timeout } => crate::test_runner::run(&paths, timeout, &run_options(&opts)),
        Command::Stdin => {
            let mut src = String::new();
            if std::io::stdin().is_terminal() {
                return crate::repl::run(&run_options(&opts));
            }
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src) {
                eprintln!("mojolite: cannot read standard input: {e}");
                return 2;
            }
            run_source("<stdin>", &src, Vec::new(), &opts)
        }
        Command::Check { file } => match crate::source::read(&file) {
            Ok(src) => match compile(&file, &src) {
                Some(_) => 0,
                None => 2,
            },
            Err(msg) => {
                eprintln!("{msg}");
                2
            }
        },
        Command::Disasm { file } => match crate::source::read(&file) {
            Ok(src) => match compile(&file, &src) {
                Some(program) => {
                    print!("{}", vm::disasm::disassemble(&program.init, &src));
                    0
                }
                None => 2,
            },
            Err(msg) => {
                eprintln!("{msg}");
                2
            }
        },
    }
}

/// Compiles, printing every diagnostic (warnings included) to stderr.
fn compile(file: &str, src: &str) -> Option<vm::Program> {
    let (program, diags) = vm::compile_source(file, src);
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in &diags {
        eprint!("{}", d.render(file, src, color));
    }
    program
}

fn run_source(file: &str, src: &str, args: Vec<String>, opts: &Options) -> u8 {
    // Before compiling: `argv` is bound when the program is compiled.
    let mut argv = vec![file.to_string()];
    argv.extend(args);
    vm::interp::set_argv(argv);
    let Some(program) = compile(file, src) else {
        return 2;
    };
    let run = run_options(opts);
    match vm::Vm::run_program(&program, &run) {
        Ok(()) => 0,
        Err(uncaught) => {
            eprint!("{}", vm::report::render_uncaught(&uncaught, "main", file, src));
            1
        }
    }
}

fn run_options(opts: &Options) -> vm::interp::RunOptions {
    let mut run = vm::interp::RunOptions::default();
    if let Some(w) = opts.workers {
        run.workers = w;
    }
    run.seed = opts.seed;
    run.virtual_time = opts.virtual_time;
    run.trace = opts.trace;
    run.stats = opts.stats;
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn options_may_come_before_or_after_the_subcommand() {
        for line in ["--workers 1 --virtual-time run a.mojo x", "run --workers 1 --virtual-time a.mojo x"] {
            let (opts, cmd) = parse(args(line)).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(opts.workers, Some(1), "{line}");
            assert!(opts.virtual_time, "{line}");
            match cmd {
                Command::Run { file, args } => {
                    assert_eq!(file, "a.mojo");
                    assert_eq!(args, vec!["x".to_string()]);
                }
                _ => panic!("{line}: not a run command"),
            }
        }
    }

    #[test]
    fn options_after_the_file_belong_to_the_program() {
        let (opts, cmd) = parse(args("run a.mojo --virtual-time")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!opts.virtual_time);
        match cmd {
            Command::Run { args, .. } => assert_eq!(args, vec!["--virtual-time".to_string()]),
            _ => panic!("not a run command"),
        }
    }

    #[test]
    fn bad_option_values_are_errors() {
        assert!(parse(args("--workers 0 run a.mojo")).is_err());
        assert!(parse(args("--workers lots run a.mojo")).is_err());
        assert!(parse(args("--frobnicate run a.mojo")).is_err());
    }
}
