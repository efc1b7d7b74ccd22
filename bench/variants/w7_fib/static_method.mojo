# Form: fib as a struct static method (`@staticmethod fn fib` called as `Math.fib(...)`).
# W7 fib: plain recursive fib(30) in one task, no concurrency.
# BENCH_QUICK=1: fib(20) (expected 6765).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

struct Math:
    @staticmethod
    fn fib(n: Int) -> Int:
        if n < 2:
            return n
        return Math.fib(n - 1) + Math.fib(n - 2)

fn main():
    print(Math.fib(size(30, 20)))
