# Checks that an uncaught ZeroDivisionError prints `error: ZeroDivisionError: ...` after the stdout so far, with exit status 1.
fn inner(n: Int) -> Int:
    return 10 // n

fn outer(n: Int) -> Int:
    return inner(n) + 1

fn main():
    print("before", outer(5))
    print(outer(0))
    print("WRONG: unreachable")
# expect: before 3
# expect runtime error: error: ZeroDivisionError:
