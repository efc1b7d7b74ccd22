# Checks calls of functions whose body is one `return <expr>` (which the compiler may
# inline): arguments are evaluated once, left to right; a parameter is a copy (mutating it
# leaves the caller's list alone); names in the body mean what they mean at the function's
# definition, not at the call; a function bound twice uses its latest binding; recursion,
# keyword arguments and defaults work; a wrong return type is reported as for any call.
let LIMIT = 10

fn noisy(tag: String, v: Int) -> Int:
    print("eval", tag)
    return v

fn add(a: Int, b: Int) -> Int:
    return a * 10 + b

fn pop_last(xs: List[Int]) -> Int:
    return xs.pop()

fn capped(x: Int) -> Int:
    return x if x < LIMIT else LIMIT

fn countdown(n: Int) -> Int:
    return 0 if n == 0 else countdown(n - 1) + 1

fn twice(x: Int) -> Int:
    return x * 2

fn twice(x: Int) -> Int:
    return x * 3

fn scaled(x: Int, k: Int = 5) -> Int:
    return x * k

fn wrong(x: Int) -> String:
    return x

async fn next_value(c: Channel[Int]) -> Optional[Int]:
    return await c.recv()

async fn main():
    print(add(noisy("a", 1), noisy("b", 2)))
    var xs = [1, 2, 3]
    print(pop_last(xs), xs)
    let LIMIT = 3
    print(capped(50), LIMIT)
    print(countdown(4), twice(7), scaled(2), scaled(2, k=4))
    let c = Channel[Int]::with_capacity(4)
    await c.send(8)
    c.close()
    while let Some(v) = await next_value(c):
        print("got", v)
    print(await next_value(c))
    try:
        print(wrong(1))
    except TypeError as e:
        print("TypeError:", e.message)
# expect: eval a
# expect: eval b
# expect: 12
# expect: 3 [1, 2, 3]
# expect: 10 3
# expect: 4 21 10 8
# expect: got 8
# expect: None
# expect: TypeError: `wrong` must return String, but returned Int
