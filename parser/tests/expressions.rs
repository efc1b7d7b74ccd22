//! Expression precedence and forms: await/`?`, ranges, power/unary,
//! comparison chains, `not in`, ternaries, calls, displays, slices, f-strings.

mod common;
use common::*;

#[test]
fn arithmetic_precedence() {
    assert_eq!(ex("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(ex("1 - 2 - 3"), "(- (- 1 2) 3)");
    assert_eq!(ex("a // b % c * d / e"), "(/ (* (% (// a b) c) d) e)");
    assert_eq!(ex("1 << 2 + 3"), "(<< 1 (+ 2 3))");
    assert_eq!(ex("a | b ^ c & d"), "(| a (^ b (& c d)))");
    assert_eq!(ex("a & b << c"), "(& a (<< b c))");
}

#[test]
fn power_and_unary() {
    assert_eq!(ex("-2**2"), "(neg (** 2 2))");
    assert_eq!(ex("2**3**2"), "(** 2 (** 3 2))");
    assert_eq!(ex("2**-1"), "(** 2 (neg 1))");
    assert_eq!(ex("2 ** -3 ** 2"), "(** 2 (neg (** 3 2)))");
    assert_eq!(ex("-x * y"), "(* (neg x) y)");
    assert_eq!(ex("~x + +y"), "(+ (invert x) (pos y))");
    assert_eq!(ex("- - x"), "(neg (neg x))");
    assert_eq!(ex("(-2)**2"), "(** (neg 2) 2)");
}

#[test]
fn await_and_try() {
    assert_eq!(ex("await http.get(url)?"), "(? (await (call (. http get) url)))");
    assert_eq!(ex("await ch.recv()"), "(await (call (. ch recv)))");
    assert_eq!(ex("await a() + 1"), "(+ (await (call a)) 1)");
    assert_eq!(ex("(await ch.recv()).unwrap()"), "(call (. (await (call (. ch recv))) unwrap))");
    assert_eq!(ex("f()?.g()"), "(call (. (? (call f)) g))");
    assert_eq!(ex("await f()?.g()"), "(await (call (. (? (call f)) g)))");
    assert_eq!(ex("await x??"), "(? (? (await x)))");
    assert_eq!(ex("n * await rec(n - 1)"), "(* n (await (call rec (- n 1))))");
    assert_eq!(ex("await (f()?)"), "(await (? (call f)))");
    assert_eq!(ex("-await x"), "(neg (await x))");
    assert_eq!(ex("await x ** 2"), "(** (await x) 2)");
    assert_eq!(ex("await await x"), "(await (await x))");
    assert_eq!(ex("await timeout(compute(5.0), 1.0)?"), "(? (await (call timeout (call compute 5.0) 1.0)))");
    assert_eq!(ex("t.await()"), "(call (. t await))");
}

#[test]
fn ranges() {
    assert_eq!(ex("0..n+1"), "(.. 0 (+ n 1))");
    assert_eq!(ex("1..=n"), "(..= 1 n)");
    assert_eq!(ex("x in 0..10"), "(cmp x in (.. 0 10))");
    assert_eq!(ex("a..b | c"), "(.. a (| b c))");
}

#[test]
fn comparisons_and_logic() {
    assert_eq!(ex("a < b <= c"), "(cmp a < b <= c)");
    assert_eq!(ex("a == b != c"), "(cmp a == b != c)");
    assert_eq!(ex("x not in xs"), "(cmp x not-in xs)");
    assert_eq!(ex("k in d and v > 1"), "(and (cmp k in d) (cmp v > 1))");
    assert_eq!(ex("not a == b"), "(not (cmp a == b))");
    assert_eq!(ex("not not a"), "(not (not a))");
    assert_eq!(ex("a or b and c"), "(or a (and b c))");
    assert_eq!(ex("a and b or c and d"), "(or (and a b) (and c d))");
    assert_eq!(ex("a + 1 >= b * 2"), "(cmp (+ a 1) >= (* b 2))");
}

#[test]
fn ternaries() {
    assert_eq!(ex("a if c else b"), "(if c a b)");
    assert_eq!(ex("a if c else b if d else e"), "(if c a (if d b e))");
    assert_eq!(ex("x + 1 if x > 0 or y else -x"), "(if (or (cmp x > 0) y) (+ x 1) (neg x))");
}

#[test]
fn calls_and_postfix() {
    assert_eq!(ex("f(1, b=2, *xs,)"), "(call f 1 b=2 *xs)");
    assert_eq!(ex("spawn(double(21), name=\"doubler\")"), "(call spawn (call double 21) name=\"doubler\")");
    assert_eq!(ex("Channel[Int]()"), "(call (idx Channel Int))");
    assert_eq!(ex("Channel[Int]::new()"), "(call (:: (idx Channel Int) new))");
    assert_eq!(ex("Dict[String, Int]()"), "(call (idx Dict (tuple String Int)))");
    assert_eq!(ex("Channel[()]::new()"), "(call (:: (idx Channel ()) new))");
    assert_eq!(ex("List[Task[Data]]()"), "(call (idx List (idx Task Data)))");
    assert_eq!(ex("Counter::named(\"x\").count"), "(. (call (:: Counter named) \"x\") count)");
    assert_eq!(ex("grid[1][0]"), "(idx (idx grid 1) 0)");
    assert_eq!(ex("async.sleep(1)"), "(call (. async sleep) 1)");
}

#[test]
fn slices() {
    assert_eq!(ex("xs[1:]"), "(idx xs (slice 1 _ _))");
    assert_eq!(ex("xs[:2]"), "(idx xs (slice _ 2 _))");
    assert_eq!(ex("xs[::2]"), "(idx xs (slice _ _ 2))");
    assert_eq!(ex("xs[a:b:c]"), "(idx xs (slice a b c))");
    assert_eq!(ex("xs[:]"), "(idx xs (slice _ _ _))");
    assert_eq!(ex("xs[-1]"), "(idx xs (neg 1))");
}

#[test]
fn displays() {
    assert_eq!(ex("[]"), "[]");
    assert_eq!(ex("[1, 2, *xs,]"), "[1 2 *xs]");
    assert_eq!(ex("{}"), "{}");
    assert_eq!(ex("{\"a\": 1, \"b\": [2]}"), "{\"a\": 1, \"b\": [2]}");
    assert_eq!(ex("()"), "()");
    assert_eq!(ex("(1)"), "1");
    assert_eq!(ex("(1,)"), "(tuple 1)");
    assert_eq!(ex("(1, \"a\", 2.5)"), "(tuple 1 \"a\" 2.5)");
    assert_eq!(ex("[x * 2 for x in xs if x > 0]"), "(listcomp (* x 2) x xs (cmp x > 0))");
    assert_eq!(
        ex("[a if c else b for i, a in enumerate(xs)]"),
        "(listcomp (if c a b) (tuple i a) (call enumerate xs))"
    );
    assert_eq!(ex("{k: v for k, v in d.items() if v}"), "(dictcomp k v (tuple k v) (call (. d items)) v)");
    assert_eq!(ex("[\n  1,\n  2,\n]"), "[1 2]");
    assert_eq!(ex("\"a\" \"b\""), "\"ab\"");
    assert_eq!(ex("..."), "...");
    assert_eq!(ex("None"), "None");
}

#[test]
fn fstring_parts() {
    assert_eq!(ex("f\"Hello {name}, {n + 1}!\""), "(f \"Hello \" {name} \", \" {(+ n 1)} \"!\")");
    assert_eq!(ex("f\"{x:.2f} {name!r}\""), "(f {x:.2f} \" \" {name!r})");
    assert_eq!(ex("f\"{{lit}} {d['k']}\""), "(f \"{lit} \" {(idx d \"k\")})");
    assert_eq!(ex("f\"{f'{x}'}\""), "(f {(f {x})})");
    assert_eq!(ex("f\"{await g()}\""), "(f {(await (call g))})");
}

#[test]
fn fstring_expression_spans_are_absolute() {
    let src = "print(f\"ab {x + yy} c\")\n";
    let m = parse_ok(src);
    let parser::ast::StmtKind::Expr(call) = &m.body[0].kind else { panic!() };
    let parser::ast::ExprKind::Call { args, .. } = &call.kind else { panic!() };
    let parser::ast::ExprKind::FString(parts) = &args[0].value.kind else { panic!() };
    let parser::ast::FStringPart::Expr { expr, .. } = &parts[1] else { panic!("{parts:?}") };
    assert_eq!(&src[expr.span.range()], "x + yy");
    assert_eq!(&src[args[0].value.span.range()], "f\"ab {x + yy} c\"");
}

#[test]
fn expression_spans() {
    let src = "foo.bar(1, 2)[3] + -x\n";
    let m = parse_ok(src);
    let parser::ast::StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
    assert_eq!(&src[e.span.range()], "foo.bar(1, 2)[3] + -x");
    let parser::ast::ExprKind::Binary { lhs, rhs, .. } = &e.kind else { panic!() };
    assert_eq!(&src[lhs.span.range()], "foo.bar(1, 2)[3]");
    assert_eq!(&src[rhs.span.range()], "-x");
    assert_eq!(&src[m.body[0].span.range()], "foo.bar(1, 2)[3] + -x");
}
