//! Every `.mojo` program of the shared conformance suite (and the repo's own
//! examples and golden tests) lexes without a diagnostic: the suite's only
//! syntax error (`core_22`) is a parse error, not a lexing one.

use std::path::{Path, PathBuf};

fn mojo_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            mojo_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "mojo") {
            out.push(path);
        }
    }
}

/// The conformance folder: `MOJOLITE_CONFORMANCE`, else `shared/conformance`
/// beside the repository.
fn conformance_dir() -> PathBuf {
    match std::env::var_os("MOJOLITE_CONFORMANCE") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance"),
    }
}

fn assert_lexes_cleanly(files: &[PathBuf]) {
    for path in files {
        let src = std::fs::read_to_string(path).unwrap();
        let (tokens, diags) = lexer::lex(&src);
        let rendered: Vec<String> = diags.iter().map(|d| d.render(&path.display().to_string(), &src, false)).collect();
        assert!(diags.is_empty(), "{}:\n{}", path.display(), rendered.join("\n"));
        let indents = tokens.iter().filter(|(t, _)| *t == lexer::Token::Indent).count();
        let dedents = tokens.iter().filter(|(t, _)| *t == lexer::Token::Dedent).count();
        assert_eq!(indents, dedents, "{}", path.display());
    }
}

#[test]
fn conformance_programs_lex_without_errors() {
    let dir = conformance_dir();
    let mut files = Vec::new();
    mojo_files(&dir, &mut files);
    if files.is_empty() && std::env::var_os("MOJOLITE_CONFORMANCE").is_none() {
        eprintln!("skipping: no conformance programs at {}", dir.display());
        return;
    }
    assert!(files.len() >= 50, "only {} programs found in {}", files.len(), dir.display());
    assert_lexes_cleanly(&files);
}

#[test]
fn syntax_error_program_is_a_parse_error_not_a_lex_error() {
    let path = conformance_dir().join("core_22_syntax_error.mojo");
    let Ok(src) = std::fs::read_to_string(&path) else { return };
    let (tokens, diags) = lexer::lex(&src);
    assert!(diags.is_empty());
    assert!(tokens.windows(2).any(|w| w[0].0 == lexer::Token::Plus && w[1].0 == lexer::Token::Star));
}

#[test]
fn repository_programs_lex_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    mojo_files(&root.join("examples"), &mut files);
    mojo_files(&root.join("bench"), &mut files);
    assert_lexes_cleanly(&files);
}
