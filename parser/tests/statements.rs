//! Statements and definitions: bindings, assignment forms, bare tuples,
//! control flow, patterns, structs/traits/decorators/params, imports.

mod common;
use common::*;
use parser::ast::*;

fn body_of(s: &Stmt) -> &Block {
    match &s.kind {
        StmtKind::Fn(f) => &f.body,
        StmtKind::While { body, .. } | StmtKind::For { body, .. } | StmtKind::With { body, .. } => body,
        StmtKind::Try { body, .. } => body,
        other => panic!("no body: {other:?}"),
    }
}

#[test]
fn let_and_var() {
    match stmt("let x = 1").kind {
        StmtKind::Let { mutable: false, pattern, ty: None, value: Some(v) } => {
            assert_eq!(px(&pattern), "x");
            assert_eq!(sx(&v), "1");
        }
        other => panic!("{other:?}"),
    }
    match stmt("var x: Int").kind {
        StmtKind::Let { mutable: true, ty: Some(ty), value: None, .. } => assert_eq!(tx(&ty), "Int"),
        other => panic!("{other:?}"),
    }
    match stmt("let (a, b) = pair").kind {
        StmtKind::Let { pattern, .. } => assert_eq!(px(&pattern), "(tuple a b)"),
        other => panic!("{other:?}"),
    }
    match stmt("let (_, u) = await select([tick])").kind {
        StmtKind::Let { pattern, value: Some(v), .. } => {
            assert_eq!(px(&pattern), "(tuple _ u)");
            assert_eq!(sx(&v), "(await (call select [tick]))");
        }
        other => panic!("{other:?}"),
    }
    match stmt("let n: Optional[Int] = None").kind {
        StmtKind::Let { ty: Some(ty), .. } => assert_eq!(tx(&ty), "Optional[Int]"),
        other => panic!("{other:?}"),
    }
    match stmt("let a, b = 1, 2").kind {
        StmtKind::Let { pattern, value: Some(v), .. } => {
            assert_eq!(px(&pattern), "(tuple a b)");
            assert_eq!(sx(&v), "(tuple 1 2)");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn assignments_and_bare_tuples() {
    match stmt("a, b = b, a").kind {
        StmtKind::Assign { targets, value } => {
            assert_eq!(targets.iter().map(sx).collect::<Vec<_>>(), ["(tuple a b)"]);
            assert_eq!(sx(&value), "(tuple b a)");
        }
        other => panic!("{other:?}"),
    }
    match stmt("a = b = c").kind {
        StmtKind::Assign { targets, value } => {
            assert_eq!(targets.iter().map(sx).collect::<Vec<_>>(), ["a", "b"]);
            assert_eq!(sx(&value), "c");
        }
        other => panic!("{other:?}"),
    }
    match stmt("pts[0].x = 9").kind {
        StmtKind::Assign { targets, .. } => assert_eq!(sx(&targets[0]), "(. (idx pts 0) x)"),
        other => panic!("{other:?}"),
    }
    for (src, op) in [
        ("x += 1", BinOp::Add),
        ("x -= 1", BinOp::Sub),
        ("x *= 1", BinOp::Mul),
        ("x /= 1", BinOp::Div),
        ("x //= 1", BinOp::FloorDiv),
        ("x %= 1", BinOp::Mod),
    ] {
        match stmt(src).kind {
            StmtKind::AugAssign { op: o, .. } => assert_eq!(o, op, "{src}"),
            other => panic!("{other:?}"),
        }
    }
    match stmt("return a, b").kind {
        StmtKind::Return(Some(v)) => assert_eq!(sx(&v), "(tuple a b)"),
        other => panic!("{other:?}"),
    }
    assert_eq!(stmt("return").kind, StmtKind::Return(None));
    assert_eq!(ex("1, 2"), "(tuple 1 2)");
    assert_eq!(ex("x,"), "(tuple x)");
}

#[test]
fn simple_statements_on_one_line() {
    let m = parse_ok("x = 1; y = 2; print(x)\npass; break; continue;\nraise\nraise ValueError(\"m\")\n");
    assert_eq!(m.body.len(), 8);
    assert_eq!(m.body[3].kind, StmtKind::Pass);
    assert_eq!(m.body[4].kind, StmtKind::Break);
    assert_eq!(m.body[5].kind, StmtKind::Continue);
    assert_eq!(m.body[6].kind, StmtKind::Raise(None));
    assert!(matches!(&m.body[7].kind, StmtKind::Raise(Some(_))));
}

#[test]
fn assert_forms() {
    for (src, cond, msg) in [
        ("assert x > 0", "(cmp x > 0)", None),
        ("assert x > 0, \"neg\"", "(cmp x > 0)", Some("\"neg\"")),
        ("assert(x)", "x", None),
        ("assert(x == 1, \"bad\")", "(cmp x == 1)", Some("\"bad\"")),
    ] {
        match stmt(src).kind {
            StmtKind::Assert { cond: c, msg: m } => {
                assert_eq!(sx(&c), cond, "{src}");
                assert_eq!(m.as_ref().map(sx).as_deref(), msg, "{src}");
            }
            other => panic!("{src}: {other:?}"),
        }
    }
    // `assert` is not a keyword: it can still be an ordinary name.
    assert!(matches!(stmt("assert = 3").kind, StmtKind::Assign { .. }));
}

#[test]
fn if_elif_else_and_if_let() {
    let s = stmt("if let Some(i) = find(xs, 8):\n    print(i)\nelif x == 1:\n    pass\nelse:\n    print(0)");
    match s.kind {
        StmtKind::If { branches, else_body: Some(e) } => {
            assert_eq!(branches.len(), 2);
            match &branches[0].0 {
                Cond::Let(p, e) => {
                    assert_eq!(px(p), "(Some i)");
                    assert_eq!(sx(e), "(call find xs 8)");
                }
                other => panic!("{other:?}"),
            }
            assert!(matches!(&branches[1].0, Cond::Expr(_)));
            assert_eq!(e.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    // one-line suites
    let m = parse_ok("if x: return 1\nelse: return 2\n");
    assert_eq!(m.body.len(), 1);
}

#[test]
fn loops() {
    let s = stmt("while let Some(v) = await inp.recv():\n    total += v");
    match &s.kind {
        StmtKind::While { cond: Cond::Let(p, e), body } => {
            assert_eq!(px(p), "(Some v)");
            assert_eq!(sx(e), "(await (call (. inp recv)))");
            assert_eq!(body.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    match stmt("for i, x in enumerate(xs):\n    pass").kind {
        StmtKind::For { is_async: false, target, iter, .. } => {
            assert_eq!(px(&target), "(tuple i x)");
            assert_eq!(sx(&iter), "(call enumerate xs)");
        }
        other => panic!("{other:?}"),
    }
    match stmt("async for v in ch:\n    got.append(v)").kind {
        StmtKind::For { is_async: true, .. } => {}
        other => panic!("{other:?}"),
    }
    match stmt("for attempt in 1..=n:\n    pass").kind {
        StmtKind::For { iter, .. } => assert_eq!(sx(&iter), "(..= 1 n)"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn try_with_and_handlers() {
    let src = "try:\n    f()\nexcept TimeoutError as e:\n    pass\nexcept e:\n    pass\nexcept:\n    pass\nelse:\n    g()\nfinally:\n    h()";
    match stmt(src).kind {
        StmtKind::Try { body, handlers, else_body: Some(_), finally_body: Some(_) } => {
            assert_eq!(body.len(), 1);
            let h: Vec<_> = handlers
                .iter()
                .map(|h| (h.ty.as_ref().map(|i| i.name.clone()), h.name.as_ref().map(|i| i.name.clone())))
                .collect();
            assert_eq!(h, [(Some("TimeoutError".into()), Some("e".into())), (Some("e".into()), None), (None, None)]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(stmt("try:\n    f()\nfinally:\n    g()").kind, StmtKind::Try { .. }));
    match stmt("async with TaskGroup() as tg, lock:\n    tg.spawn(x())").kind {
        StmtKind::With { is_async: true, items, body } => {
            assert_eq!(items.len(), 2);
            assert_eq!(items[0].name.as_ref().unwrap().name, "tg");
            assert!(items[1].name.is_none());
            assert_eq!(body.len(), 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn match_and_patterns() {
    let src = "match v:\n    case 0:\n        pass\n    case 1 | 2 | 3:\n        pass\n    case -5 | 2.5 | \"quit\" | True:\n        pass\n    case String:\n        pass\n    case Point(0, y):\n        pass\n    case Point(x, y) if x == y:\n        pass\n    case (a, b):\n        pass\n    case [first, *rest]:\n        pass\n    case [_, *_]:\n        pass\n    case []:\n        pass\n    case Some(n):\n        pass\n    case None:\n        pass\n    case Err(TimeoutError):\n        pass\n    case Ok(Ok(line)):\n        pass\n    case 0, value:\n        pass\n    case Shape::Circle(r):\n        pass\n    case ():\n        pass\n    case _:\n        pass";
    let StmtKind::Match { subject, cases } = stmt(src).kind else { panic!() };
    assert_eq!(sx(&subject), "v");
    let pats: Vec<String> = cases.iter().map(|c| px(&c.pattern)).collect();
    assert_eq!(
        pats,
        [
            "'0",
            "(| '1 '2 '3)",
            "(| '-5 '2.5 '\"quit\" 'true)",
            "String",
            "(Point '0 y)",
            "(Point x y)",
            "(tuple a b)",
            "[first *rest]",
            "[_ *_]",
            "[]",
            "(Some n)",
            "None",
            "(Err TimeoutError)",
            "(Ok (Ok line))",
            "(tuple '0 value)",
            "(Shape::Circle r)",
            "(tuple )",
            "_",
        ]
    );
    assert_eq!(cases[5].guard.as_ref().map(sx).as_deref(), Some("(cmp x == y)"));
    let StmtKind::Match { subject, .. } = stmt("match await select([a, b]):\n    case 0, v: print(v)").kind else {
        panic!()
    };
    assert_eq!(sx(&subject), "(await (call select [a b]))");
}

#[test]
fn functions_and_params() {
    let src = "async fn retry[T](\n    operation: async fn() -> Result[T, Error],\n    max_attempts: Int = 3,\n    *rest: Int,\n) raises -> Result[T, Error]:\n    \"\"\"Doc.\"\"\"\n    return await operation()";
    let StmtKind::Fn(f) = stmt(src).kind else { panic!() };
    assert!(f.is_async && !f.is_def && f.raises && !f.is_stub);
    assert_eq!(f.name.name, "retry");
    assert_eq!(f.generics.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["T"]);
    assert_eq!(f.params.len(), 3);
    assert_eq!(tx(f.params[0].ty.as_ref().unwrap()), "async fn() -> Result[T, Error]");
    assert_eq!(f.params[1].default.as_ref().map(sx).as_deref(), Some("3"));
    assert!(f.params[2].star);
    assert_eq!(tx(f.ret.as_ref().unwrap()), "Result[T, Error]");
    assert_eq!(f.body.len(), 1, "docstring dropped");

    let StmtKind::Fn(f) = stmt("def greet(name, out, owned x, inout y, mut self, *args):\n    pass").kind else {
        panic!()
    };
    assert!(f.is_def);
    let convs: Vec<_> = f.params.iter().map(|p| (p.name.name.as_str(), p.convention, p.star)).collect();
    assert_eq!(
        convs,
        [
            ("name", ParamConvention::Read, false),
            ("out", ParamConvention::Read, false),
            ("x", ParamConvention::Owned, false),
            ("y", ParamConvention::Inout, false),
            ("self", ParamConvention::Mut, false),
            ("args", ParamConvention::Read, true),
        ]
    );
    let StmtKind::Fn(f) = stmt("fn __init__(out self, r: Float): self.r = r").kind else { panic!() };
    assert_eq!(f.params[0].convention, ParamConvention::Out);
    assert_eq!(f.body.len(), 1);
    let StmtKind::Fn(f) = stmt("fn f(x: fn(Int) -> Bool, p: (Int, String), u: ()) -> None: ...").kind else { panic!() };
    assert!(f.is_stub && f.body.is_empty());
    let tys: Vec<String> = f.params.iter().map(|p| tx(p.ty.as_ref().unwrap())).collect();
    assert_eq!(tys, ["fn(Int) -> Bool", "(Int, String)", "()"]);
    assert_eq!(tx(f.ret.as_ref().unwrap()), "None");
}

#[test]
fn structs_traits_decorators() {
    let src = "@value\nstruct Circle[T](Shape, Printable):\n    \"\"\"A circle.\"\"\"\n    var r: Float\n    var tag: String = \"c\"\n    alias Unit = Float\n\n    fn __init__(out self, r: Float):\n        self.r = r\n\n    @staticmethod\n    fn unit() -> Self:\n        return Circle(1.0)\n    pass\n";
    let StmtKind::Struct(s) = stmt(src).kind else { panic!() };
    assert_eq!(s.name.name, "Circle");
    assert_eq!(s.decorators.iter().map(|d| d.name.name.as_str()).collect::<Vec<_>>(), ["value"]);
    assert_eq!(s.generics.len(), 1);
    assert_eq!(s.traits.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["Shape", "Printable"]);
    assert_eq!(s.fields.len(), 2);
    assert_eq!(s.fields[1].default.as_ref().map(sx).as_deref(), Some("\"c\""));
    assert_eq!(s.aliases.len(), 1);
    assert_eq!(s.methods.len(), 2);
    assert_eq!(s.methods[1].decorators[0].name.name, "staticmethod");
    assert_eq!(&src[s.span.range()], &src[..src.find("    pass").unwrap() - 1]);

    let src =
        "trait Shape(Base):\n    fn area(self) -> Float: ...\n    fn name(self) -> String:\n        return \"shape\"\n";
    let StmtKind::Trait(t) = stmt(src).kind else { panic!() };
    assert_eq!(t.parents[0].name, "Base");
    assert!(t.methods[0].is_stub);
    assert!(!t.methods[1].is_stub);

    let StmtKind::Fn(f) = stmt("@staticmethod\n@other\nfn f():\n    pass").kind else { panic!() };
    assert_eq!(f.decorators.len(), 2);
    assert!(matches!(stmt("struct Empty: pass").kind, StmtKind::Struct(_)));
}

#[test]
fn imports_and_alias() {
    match stmt("import a.b as c").kind {
        StmtKind::Import { module, alias } => {
            assert_eq!(module.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
            assert_eq!(alias.unwrap().name, "c");
        }
        other => panic!("{other:?}"),
    }
    match stmt("from async import spawn as sp, Channel").kind {
        StmtKind::FromImport { module, names } => {
            assert_eq!(module[0].name, "async");
            assert_eq!(names.len(), 2);
            assert_eq!(names[0].1.as_ref().unwrap().name, "sp");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(stmt("from io import (read_to_string,\n    write_all,)").kind, StmtKind::FromImport { .. }));
    match stmt("alias Grid = List[List[Int]]").kind {
        StmtKind::Alias { name, ty } => {
            assert_eq!(name.name, "Grid");
            assert_eq!(tx(&ty), "List[List[Int]]");
        }
        other => panic!("{other:?}"),
    }
    match stmt("let f: async.Future[Int] = compute()").kind {
        StmtKind::Let { ty: Some(ty), .. } => assert_eq!(tx(&ty), "async.Future[Int]"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn nested_blocks_and_spans() {
    let src =
        "fn main():\n    for i in range(3):\n        if i > 1:\n            print(i)\n    print(\"done\")\n\nmain()\n";
    let m = parse_ok(src);
    assert_eq!(m.body.len(), 2);
    let f = &m.body[0];
    assert_eq!(&src[f.span.range()], &src[..src.find("\n\nmain").unwrap()]);
    let body = body_of(f);
    assert_eq!(body.len(), 2);
    assert_eq!(&src[body[0].span.range()], "for i in range(3):\n        if i > 1:\n            print(i)");
    assert_eq!(&src[m.body[1].span.range()], "main()");
}

#[test]
fn guide_examples_parse() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/guide");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().extension().is_none_or(|e| e != "mojo") {
            continue;
        }
        let src = std::fs::read_to_string(entry.path()).unwrap();
        let (module, diags) = parser::parse_source(&src);
        let name = entry.file_name().to_string_lossy().into_owned();
        let text: Vec<String> = diags.iter().map(|d| d.render(&name, &src, false)).collect();
        assert!(module.is_some() && diags.is_empty(), "{name}:\n{}", text.join("\n"));
        n += 1;
    }
    assert!(n >= 30);
}
