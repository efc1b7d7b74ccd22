# Form: code at the top level of the file (no main): a spawn loop keeping the handles,
# awaited in order with top-level await.
# W8 par_fib: 8 tasks each compute the recursive fib(27) of W7; print the sum.
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

var handles = []
for _ in range(8):
    handles.append(spawn(task(ARG)))
var total = 0
for h in handles:
    total += await h
print(total)
