# Checks that unbounded recursion escaping main is reported as RecursionError with exit status 1 (never a crash of the interpreter).
fn forever(n: Int) -> Int:
    return forever(n + 1) + 1

fn main():
    print("start")
    print(forever(0))
# expect: start
# expect runtime error: error: RecursionError
