# Checks `return a if c else b` (each branch returns where it is): both branches, a nested
# conditional, one inside a loop and one inside `try`/`finally` (the `finally` still runs),
# and a branch whose value breaks the `-> Int` annotation (the error points at the return).
fn pick(n: Int) -> Int:
    return n if n < 2 else pick(n - 1) + pick(n - 2)

fn sign(x: Int) -> String:
    return "neg" if x < 0 else ("zero" if x == 0 else "pos")

fn first_big(xs: List[Int], limit: Int) -> Int:
    for x in xs:
        if x > limit:
            return x if x % 2 == 0 else -x
    return 0

fn guarded(x: Int) -> Int:
    try:
        return x if x > 0 else 0
    finally:
        print("finally", x)

fn bad(x: Int) -> Int:
    let s: Any = "text"
    return x if x > 0 else s

fn main():
    print(pick(15), sign(-3), sign(0), sign(9))
    print(first_big([1, 5, 8, 3], 4), first_big([1, 2], 4), first_big([9], 4))
    print(guarded(5), guarded(-5))
    print(bad(2))
    try:
        print(bad(-2))
    except e:
        print(e.kind, e.message)

# expect: 610 neg zero pos
# expect: -5 0 -9
# expect: finally 5
# expect: finally -5
# expect: 5 0
# expect: 2
# expect: TypeError `bad` must return Int, but returned String
