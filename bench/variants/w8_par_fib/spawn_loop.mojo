# Form: a spawn loop keeping the handles, awaited in order, in async fn main (the tuned
# program, a copy of bench/mojolite/w8_par_fib.mojo).
# W8 par_fib: spawn 8 tasks, each computes the recursive fib(27) of W7; await them in
# order and print the sum. Run with --workers 1 and --workers 2 to see the speed-up.
# BENCH_QUICK=1: fib(15) (expected 4880).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let ARG = size(27, 15)

fn fib(n: Int) -> Int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

async fn task(n: Int) -> Int:
    return fib(n)

async fn main():
    var handles = []
    for _ in range(8):
        handles.append(spawn(task(ARG)))
    var total = 0
    for h in handles:
        total += await h
    print(total)
