//! Test helpers: parse snippets and print expressions/patterns as compact
//! S-expressions so precedence tests read like `(+ 1 (* 2 3))`.
#![allow(dead_code)]

use parser::ast::*;

pub fn parse_ok(src: &str) -> Module {
    let (module, diags) = parser::parse_source(src);
    let errors: Vec<String> = diags.iter().filter(|d| d.is_error()).map(|d| d.render("t.mojo", src, false)).collect();
    assert!(errors.is_empty(), "unexpected errors for {src:?}:\n{}", errors.join("\n"));
    module.expect("module")
}

pub fn errors(src: &str) -> Vec<lexer::Diagnostic> {
    let (module, diags) = parser::parse_source(src);
    let errs: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
    assert!(!errs.is_empty(), "expected errors for {src:?}");
    assert!(module.is_none());
    errs
}

/// The single statement of a one-line program.
pub fn stmt(src: &str) -> Stmt {
    let mut m = parse_ok(&format!("{src}\n"));
    assert_eq!(m.body.len(), 1, "{src:?}: {:#?}", m.body);
    m.body.remove(0)
}

/// The expression of a one-expression-statement program, as an S-expression.
pub fn ex(src: &str) -> String {
    match stmt(src).kind {
        StmtKind::Expr(e) => sx(&e),
        other => panic!("not an expression statement: {other:?}"),
    }
}

fn list(items: &[Expr]) -> String {
    items.iter().map(sx).collect::<Vec<_>>().join(" ")
}

pub fn sx(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Int(n) => n.to_string(),
        Float(f) => format!("{f:?}"),
        Str(s) => format!("{s:?}"),
        FString(parts) => {
            let ps: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    FStringPart::Lit(s) => format!("{s:?}"),
                    FStringPart::Expr { expr, conv, spec } => {
                        let mut s = format!("{{{}", sx(expr));
                        if let Some(c) = conv {
                            s.push_str(&format!("!{c}"));
                        }
                        if let Some(sp) = spec {
                            s.push_str(&format!(":{sp}"));
                        }
                        s.push('}');
                        s
                    }
                })
                .collect();
            format!("(f {})", ps.join(" "))
        }
        Bool(b) => b.to_string(),
        None => "None".into(),
        Unit => "()".into(),
        Ellipsis => "...".into(),
        Name(n) => n.clone(),
        List(items) => format!("[{}]", list(items)),
        Dict(kvs) => {
            format!("{{{}}}", kvs.iter().map(|(k, v)| format!("{}: {}", sx(k), sx(v))).collect::<Vec<_>>().join(", "))
        }
        Tuple(items) => format!("(tuple {})", list(items)),
        Starred(e) => format!("*{}", sx(e)),
        Unary { op, expr } => format!("({} {})", format!("{op:?}").to_lowercase(), sx(expr)),
        Binary { op, lhs, rhs } => {
            let o = match op {
                BinOp::Add => "+",
                BinOp::Sub => "-",
                BinOp::Mul => "*",
                BinOp::Div => "/",
                BinOp::FloorDiv => "//",
                BinOp::Mod => "%",
                BinOp::Pow => "**",
                BinOp::BitAnd => "&",
                BinOp::BitOr => "|",
                BinOp::BitXor => "^",
                BinOp::Shl => "<<",
                BinOp::Shr => ">>",
            };
            format!("({o} {} {})", sx(lhs), sx(rhs))
        }
        Compare { first, rest } => {
            let mut s = format!("(cmp {}", sx(first));
            for (op, e) in rest {
                let o = match op {
                    CmpOp::Eq => "==",
                    CmpOp::NotEq => "!=",
                    CmpOp::Lt => "<",
                    CmpOp::Gt => ">",
                    CmpOp::LtEq => "<=",
                    CmpOp::GtEq => ">=",
                    CmpOp::In => "in",
                    CmpOp::NotIn => "not-in",
                };
                s.push_str(&format!(" {o} {}", sx(e)));
            }
            s.push(')');
            s
        }
        And(a, b) => format!("(and {} {})", sx(a), sx(b)),
        Or(a, b) => format!("(or {} {})", sx(a), sx(b)),
        Ternary { cond, then, else_ } => format!("(if {} {} {})", sx(cond), sx(then), sx(else_)),
        Call { func, args } => {
            let a: Vec<String> = args
                .iter()
                .map(|a| match (&a.name, a.star) {
                    (Some(n), _) => format!("{}={}", n.name, sx(&a.value)),
                    (_, true) => format!("*{}", sx(&a.value)),
                    _ => sx(&a.value),
                })
                .collect();
            if a.is_empty() {
                format!("(call {})", sx(func))
            } else {
                format!("(call {} {})", sx(func), a.join(" "))
            }
        }
        Attr { obj, name } => format!("(. {} {})", sx(obj), name.name),
        Path { base, name } => format!("(:: {} {})", sx(base), name.name),
        Index { obj, index } => format!("(idx {} {})", sx(obj), sx(index)),
        Slice { lo, hi, step } => {
            let f = |o: &Option<Box<Expr>>| o.as_ref().map(|e| sx(e)).unwrap_or_else(|| "_".into());
            format!("(slice {} {} {})", f(lo), f(hi), f(step))
        }
        Range { lo, hi, inclusive } => format!("({} {} {})", if *inclusive { "..=" } else { ".." }, sx(lo), sx(hi)),
        Await(e) => format!("(await {})", sx(e)),
        Try(e) => format!("(? {})", sx(e)),
        ListComp { elt, target, iter, cond } => format!(
            "(listcomp {} {} {}{})",
            sx(elt),
            px(target),
            sx(iter),
            cond.as_ref().map(|c| format!(" {}", sx(c))).unwrap_or_default()
        ),
        DictComp { key, value, target, iter, cond } => format!(
            "(dictcomp {} {} {} {}{})",
            sx(key),
            sx(value),
            px(target),
            sx(iter),
            cond.as_ref().map(|c| format!(" {}", sx(c))).unwrap_or_default()
        ),
    }
}

pub fn px(p: &Pattern) -> String {
    use PatternKind::*;
    let l = |ps: &[Pattern]| ps.iter().map(px).collect::<Vec<_>>().join(" ");
    match &p.kind {
        Wildcard => "_".into(),
        Bind(n) => n.clone(),
        Literal(e) => format!("'{}", sx(e)),
        None => "None".into(),
        Tuple(ps) => format!("(tuple {})", l(ps)),
        List(ps) => format!("[{}]", l(ps)),
        Star(n) => format!("*{}", n.clone().unwrap_or_else(|| "_".into())),
        Ctor { path, args } => {
            let name = path.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join("::");
            match args {
                Some(a) => format!("({name} {})", l(a)).replace(" )", ")"),
                Option::None => name,
            }
        }
        Or(ps) => format!("(| {})", l(ps)),
    }
}

pub fn tx(t: &TypeExpr) -> String {
    match t {
        TypeExpr::Name { path, args, .. } => {
            let n = path.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(".");
            if args.is_empty() {
                n
            } else {
                format!("{n}[{}]", args.iter().map(tx).collect::<Vec<_>>().join(", "))
            }
        }
        TypeExpr::Fn { is_async, params, ret, .. } => format!(
            "{}fn({}){}",
            if *is_async { "async " } else { "" },
            params.iter().map(tx).collect::<Vec<_>>().join(", "),
            ret.as_ref().map(|r| format!(" -> {}", tx(r))).unwrap_or_default()
        ),
        TypeExpr::Tuple { items, .. } => format!("({})", items.iter().map(tx).collect::<Vec<_>>().join(", ")),
    }
}
