//! Every `.mojo` program of the repository (golden tests that expect no
//! compile error, examples, benchmarks; and `$MOJOLITE_CASES`, when set)
//! lexes without a diagnostic.

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
fn golden_programs_lex_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    mojo_files(&root.join("tests/golden"), &mut files);
    if let Some(extra) = std::env::var_os("MOJOLITE_CASES") {
        mojo_files(&root.join(extra), &mut files);
    }
    // Cases that expect a compile error may be lexing errors on purpose.
    files.retain(|p| std::fs::read_to_string(p).is_ok_and(|s| !s.contains("# expect error:")));
    assert!(files.len() >= 200, "only {} golden programs found", files.len());
    assert_lexes_cleanly(&files);
}

#[test]
fn a_misplaced_operator_is_a_parse_error_not_a_lex_error() {
    let (tokens, diags) = lexer::lex("fn main():\n    let b = 1 + * 2\n");
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
