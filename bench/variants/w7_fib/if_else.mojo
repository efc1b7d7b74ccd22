# Form: if/else with both returns inside the branches (`if n < 2: return n` /
# `else: return ...`).
# W7 fib: plain recursive fib(30) in one task, no concurrency.
# BENCH_QUICK=1: fib(20) (expected 6765).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

fn fib(n: Int) -> Int:
    if n < 2:
        return n
    else:
        return fib(n - 1) + fib(n - 2)

fn main():
    print(fib(size(30, 20)))
