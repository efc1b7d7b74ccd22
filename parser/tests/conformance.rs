//! Every program of the repository's golden tests and examples (and of
//! `$MOJOLITE_CASES`, when set) parses without errors, except the cases
//! that expect a compile-time error (some of which are syntax errors).

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

fn programs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    mojo_files(&root.join("tests/golden"), &mut files);
    mojo_files(&root.join("examples"), &mut files);
    if let Some(extra) = std::env::var_os("MOJOLITE_CASES") {
        mojo_files(&root.join(extra), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .filter(|(_, src)| !src.contains("# expect error:"))
        .collect()
}

#[test]
fn all_conformance_programs_parse() {
    let progs = programs();
    assert!(progs.len() >= 200, "only {} programs found under tests/golden and examples", progs.len());
    let mut failures = Vec::new();
    for (name, src) in &progs {
        let (module, diags) = parser::parse_source(src);
        if module.is_none() || diags.iter().any(|d| d.is_error()) {
            let rendered: Vec<String> = diags.iter().map(|d| d.render(name, src, false)).collect();
            failures.push(format!("{name}:\n{}", rendered.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{} programs failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn syntax_error_program_reports_line_4() {
    let src = "# a syntax error on line 4\nfn main():\n    let a = 1\n    let b = a + * 2\n    print(b)\n";
    let (module, diags) = parser::parse_source(src);
    assert!(module.is_none());
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(!errors.is_empty());
    let (line, _) = lexer::line_col(src, errors[0].span.lo as usize);
    assert_eq!(line, 4, "{}", errors[0].render("t.mojo", src, false));
    assert_eq!(errors[0].message, "expected an expression, found `*`");
    assert_eq!(&src[errors[0].span.range()], "*");
}
