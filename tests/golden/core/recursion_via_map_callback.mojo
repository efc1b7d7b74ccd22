# Checks that unbounded recursion through Result.map callbacks raises RecursionError instead of crashing the interpreter.
fn m(x: Int) -> Int:
    return Ok(x).map(m).unwrap()

fn main():
    try:
        print("WRONG", m(1))
    except RecursionError as e:
        print("caught", e.kind)
# expect: caught RecursionError
