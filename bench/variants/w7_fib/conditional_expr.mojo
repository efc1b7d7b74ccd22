# Form: the conditional expression `return n if n < 2 else fib(n - 1) + fib(n - 2)`.
# W7 fib: plain recursive fib(30) in one task, no concurrency.
# BENCH_QUICK=1: fib(20) (expected 6765).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

fn fib(n: Int) -> Int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)

fn main():
    print(fib(size(30, 20)))
