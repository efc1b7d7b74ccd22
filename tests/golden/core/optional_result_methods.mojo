# Checks Optional/Result methods: unwrap, unwrap_or, expect, is_ok, is_err, map, ok, and the errors raised by unwrap/expect on None and Err.
fn inc(x: Int) -> Int:
    return x + 1

fn main():
    let s = Some(4)
    let n: Optional[Int] = None
    let good: Result[Int, Error] = Ok(2)
    let bad: Result[Int, Error] = Err(ValueError("nope"))
    print(s.unwrap(), s.unwrap_or(0), n.unwrap_or(0), s.expect("x"))
    print(good.is_ok(), good.is_err(), bad.is_ok(), bad.is_err())
    print(good.unwrap_or(0), bad.unwrap_or(0), good.expect("fine"))
    print(good.map(inc), bad.map(inc))
    print(good.ok(), bad.ok())
    try:
        print("WRONG", n.unwrap())
    except ValueError as e:
        print("unwrap None:", e.kind)
    try:
        print("WRONG", bad.unwrap())
    except ValueError as e:
        print("unwrap Err raises e:", e.message)
    try:
        print("WRONG", Err(KeyError("k")).unwrap())
    except KeyError as e:
        print("unwrap Err kind:", e.kind)
    try:
        print("WRONG", Err("plain").unwrap())
    except ValueError as e:
        print("unwrap non-Error payload:", e.kind)
    try:
        print("WRONG", n.expect("need a value"))
    except ValueError as e:
        print("expect None:", e.kind, e.message.find("need a value") >= 0)
# expect: 4 4 0 4
# expect: True False False True
# expect: 2 0 2
# expect: Ok(3) Err(ValueError: nope)
# expect: Some(2) None
# expect: unwrap None: ValueError
# expect: unwrap Err raises e: nope
# expect: unwrap Err kind: KeyError
# expect: unwrap non-Error payload: ValueError
# expect: expect None: ValueError True
