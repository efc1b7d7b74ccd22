# Form: fib as a method of a (field-less) struct instance, recursing through `self.fib(...)`.
# W7 fib: plain recursive fib(30) in one task, no concurrency.
# BENCH_QUICK=1: fib(20) (expected 6765).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

struct Fib:
    fn fib(self, n: Int) -> Int:
        if n < 2:
            return n
        return self.fib(n - 1) + self.fib(n - 2)

fn main():
    let f = Fib()
    print(f.fib(size(30, 20)))
