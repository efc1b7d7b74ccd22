# Checks the forms of `spawn(g(x))`: a global async fn spawned directly keeps the
# function's name as the task's name; `name=` still names it; arguments are evaluated
# in order before the task starts; a wrong argument type fails in the task.
async fn double(x: Int) -> Int:
    return x * 2

fn note(s: String) -> Int:
    print("arg", s)
    return len(s)

async fn pair(a: Int, b: Int) -> Int:
    return a * 10 + b

async fn main():
    let t = spawn(double(21))
    print(t.name(), await t)
    let u = spawn(double(2), name="two")
    print(u.name(), await u)
    let p = spawn(pair(note("x"), note("yy")))
    print(await p)
    let bad = spawn(double("no"))
    match await bad.catch():
        case Ok(v):
            print("WRONG", v)
        case Err(e):
            print("failed:", e.kind)
# expect: double 42
# expect: two 4
# expect: arg x
# expect: arg yy
# expect: 12
# expect: failed: TypeError
