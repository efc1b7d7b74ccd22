//! Every conformance program parses without errors, except
//! `core_22_syntax_error.mojo`, whose error must be on its line 4.

use std::path::PathBuf;

fn conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance")
}

fn programs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(conformance_dir()) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "mojo") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn all_conformance_programs_parse() {
    let progs = programs();
    assert!(progs.len() >= 50, "conformance programs not found in {:?}", conformance_dir());
    let mut failures = Vec::new();
    for (name, src) in &progs {
        if name.starts_with("core_22") {
            continue;
        }
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
    let (name, src) = programs().into_iter().find(|(n, _)| n.starts_with("core_22")).expect("core_22 present");
    let (module, diags) = parser::parse_source(&src);
    assert!(module.is_none());
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(!errors.is_empty());
    let (line, _) = lexer::line_col(&src, errors[0].span.lo as usize);
    assert_eq!(line, 4, "{}", errors[0].render(&name, &src, false));
    assert_eq!(errors[0].message, "expected an expression, found `*`");
    assert_eq!(&src[errors[0].span.range()], "*");
}
