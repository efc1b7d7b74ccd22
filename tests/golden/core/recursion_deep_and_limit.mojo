# Checks 5000-deep (mutual) recursion works, unbounded recursion raises a catchable RecursionError, and the interpreter recovers afterwards.
fn is_even(n: Int) -> Bool:
    if n == 0:
        return True
    return is_odd(n - 1)

fn is_odd(n: Int) -> Bool:
    if n == 0:
        return False
    return is_even(n - 1)

fn depth(n: Int) -> Int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)

fn down(n: Int) -> Int:
    return down(n + 1)

fn main():
    print(depth(5000), is_even(5000), is_odd(4999))
    try:
        print("WRONG", down(0))
    except RecursionError as e:
        print("caught", e.kind)
    try:
        print("WRONG", down(0))
    except RecursionError as e:
        print("caught again", e.kind)
    print(depth(4000))
# expect: 5000 True True
# expect: caught RecursionError
# expect: caught again RecursionError
# expect: 4000
