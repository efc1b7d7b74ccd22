//! Syntax errors: exact messages, spans (checked against the source text),
//! labels and help lines; several independent errors from one file.

mod common;
use common::errors;

/// (line, column, spanned text, message) of each error.
fn report(src: &str) -> Vec<(usize, usize, String, String)> {
    errors(src)
        .iter()
        .map(|d| {
            let (l, c) = lexer::line_col(src, d.span.lo as usize);
            (l, c, src.get(d.span.range()).unwrap_or("").to_string(), d.message.clone())
        })
        .collect()
}

fn one(src: &str) -> lexer::Diagnostic {
    let mut errs = errors(src);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    errs.remove(0)
}

#[test]
fn operator_without_operand() {
    let src = "fn main():\n    let x = 3\n    let y = x + * 2\n    print(y)\n";
    assert_eq!(report(src), [(3, 17, "*".to_string(), "expected an expression, found `*`".to_string())]);
    let d = one(src);
    assert_eq!(d.label, "expected an expression");
}

#[test]
fn missing_colon_after_if() {
    let d = one("fn main():\n    if x > 1\n        print(x)\n");
    assert_eq!(d.message, "expected `:`, found end of line");
    assert_eq!(d.help.as_deref(), Some("add `:` at the end of the line"));
    let src = "fn main():\n    if x > 1\n        print(x)\n";
    assert_eq!(lexer::line_col(src, d.span.lo as usize), (2, 13));
}

#[test]
fn assignment_in_condition() {
    let src = "while x = 1:\n    pass\n";
    let d = one(src);
    assert_eq!(d.message, "expected `:`, found `=`");
    assert_eq!(&src[d.span.range()], "=");
    assert_eq!(d.help.as_deref(), Some("use `==` to compare values"));
}

#[test]
fn unexpected_indent() {
    let src = "x = 1\n    y = 2\nz = 3\n";
    let d = one(src);
    assert_eq!(d.message, "unexpected indent");
    assert_eq!(lexer::line_col(src, d.span.lo as usize).0, 2);
    assert!(d.help.is_some());
}

#[test]
fn missing_indented_block() {
    let src = "fn main():\nprint(1)\n";
    let d = one(src);
    assert_eq!(d.message, "expected an indented block, found name `print`");
    assert_eq!(&src[d.span.range()], "print");
}

#[test]
fn missing_comma_between_arguments() {
    let src = "let x = foo(1 2)\n";
    let d = one(src);
    assert_eq!(d.message, "expected `,` or `)`, found integer `2`");
    assert_eq!(&src[d.span.range()], "2");
}

#[test]
fn error_inside_fstring_has_source_span() {
    let src = "print(f\"total: {x +}\")\n";
    let d = one(src);
    assert_eq!(d.message, "expected an expression, found `}`");
    assert_eq!(&src[d.span.range()], "}");
}

#[test]
fn two_expressions_in_a_row() {
    let src = "x = foo bar\n";
    let d = one(src);
    assert_eq!(d.message, "expected end of line, found name `bar`");
    assert_eq!(&src[d.span.range()], "bar");
}

#[test]
fn invalid_assignment_target() {
    let src = "f(x) = 3\n";
    let d = one(src);
    assert_eq!(d.message, "cannot assign to a function call");
    assert_eq!(&src[d.span.range()], "f(x)");
}

#[test]
fn stray_else() {
    let d = one("else:\n    pass\n");
    assert_eq!(d.message, "expected a statement, found `else`");
    assert!(d.help.unwrap().contains("must follow"));
}

#[test]
fn struct_body_errors() {
    let src = "struct P:\n    x = 1\n    var y: Int\n";
    let d = one(src);
    assert_eq!(d.message, "expected a struct member (`var`, `fn` or `alias`), found name `x`");
    let d = one("struct P {\n    x: Int\n}\n");
    assert_eq!(d.message, "expected `:`, found `{`");
    assert!(d.help.unwrap().contains("indentation"));
}

#[test]
fn async_block_is_reported() {
    let src = "let v = spawn(async {\n    await f()\n})\n";
    let d = one(src);
    assert_eq!(d.message, "`async` blocks are not supported");
    assert!(src[d.span.range()].starts_with("async {"));
}

#[test]
fn several_independent_errors_in_one_file() {
    let src = "fn main():\n    let x = 1 +\n    print(x)\n    let y = (2 *)\n    z = 3\n\nfn other()\n    pass\n\nlet w = [1, 2,, 3]\n";
    let r = report(src);
    assert_eq!(
        r,
        [
            (2, 16, "\n".to_string(), "expected an expression, found end of line".to_string()),
            (4, 17, ")".to_string(), "expected an expression, found `)`".to_string()),
            (7, 11, "\n".to_string(), "expected `:`, found end of line".to_string()),
            (10, 15, ",".to_string(), "expected an expression or `]`, found `,`".to_string()),
        ]
    );
}

#[test]
fn errors_in_nested_blocks_and_match_cases() {
    let src = "async fn main():\n    while True:\n        match x:\n            case Some(*):\n                pass\n            case 2:\n                y = )\n    print(ok)\n";
    let r = report(src);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].0, r[1].0), (4, 7));
}

#[test]
fn deep_nesting_message() {
    let src = format!("x = {}1{}\n", "(".repeat(300), ")".repeat(300));
    let d = one(&src);
    assert_eq!(d.message, "expression nested too deeply");
    assert_eq!(d.span.lo, 4 + 200);
}
