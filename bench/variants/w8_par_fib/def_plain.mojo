# Form: Python style: `def` / `async def` without annotations for size, fib, the task
# and main; a spawn loop keeping the handles.
# W8 par_fib: 8 tasks each compute the recursive fib(27) of W7; print the sum.
# BENCH_QUICK=1: fib(15) (expected 4880).

def size(full, quick):
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let ARG = size(27, 15)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

async def task(n):
    return fib(n)

async def main():
    var handles = []
    for _ in range(8):
        handles.append(spawn(task(ARG)))
    var total = 0
    for h in handles:
        total += await h
    print(total)
