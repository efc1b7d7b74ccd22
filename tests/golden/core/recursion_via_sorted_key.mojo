# Checks that unbounded recursion through a builtin calling back into user code (a sorted() key that calls sorted()) raises RecursionError instead of crashing.
fn k(x: Int) -> Int:
    return sorted([x], key=k)[0]

fn main():
    try:
        print("WRONG", k(1))
    except RecursionError as e:
        print("caught", e.kind)
# expect: caught RecursionError
