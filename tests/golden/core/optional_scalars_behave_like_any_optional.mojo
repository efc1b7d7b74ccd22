# Checks that a Some holding an Int, a Float or a Bool behaves like any other Some:
# equality across the forms (Some(3) == Some(3.0); Some(1) != Some(True), as 1 != True), ordering, dict keys, printing,
# methods, patterns, `?`, json, and type checks.
fn twice(x: Float) -> Float:
    return x * 2

fn first_even(xs: List[Int]) -> Optional[Int]:
    for x in xs:
        if x % 2 == 0:
            return Some(x)
    return None

fn plus_one(xs: List[Int]) -> Optional[Int]:
    let v = first_even(xs)?
    return Some(v + 1)

fn main():
    let a = Some(3)
    let b = Some(3.5)
    let c = Some(True)
    let d = Some("s")
    print(a, b, c, d)
    print(a == Some(3), a == Some(3.0), Some(1) == Some(True), a != None, Some(1) < Some(2), Some([1]) == Some([1]))
    print(a.unwrap() + 1, b.map(twice), c.is_some(), a.unwrap_or(0), None.unwrap_or(7))
    var m = {Some(1): "one", Some("x"): "x"}
    print(m[Some(1)], m.get(Some(1.0)), Some(1) in m, Some(2) in m)
    match a:
        case Some(n) if n > 2:
            print("big", n)
        case _:
            print("WRONG")
    if let Some(t) = c:
        print("bool inside:", t)
    print(type(a), isinstance(b, Optional), json.dumps([Some(1), Some(2.5), Some(False)]))
    print(plus_one([1, 4, 5]), plus_one([1, 3]))
    let r: Result[Int, String] = Ok(4)
    print(r.ok(), Err(5).err(), [Some(1), Some(2)], sorted([Some(3), Some(1)]))
# expect: Some(3) Some(3.5) Some(True) Some('s')
# expect: True True False True True True
# expect: 4 Some(7.0) True 3 7
# expect: one Some('one') True False
# expect: big 3
# expect: bool inside: True
# expect: Optional True [1, 2.5, false]
# expect: Some(5) None
# expect: Some(4) Some(5) [Some(1), Some(2)] [Some(1), Some(3)]
