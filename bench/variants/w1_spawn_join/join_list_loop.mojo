# Form: a list of coroutines built by a loop, then `await join(coros)`; the values are
# summed by a for loop.
# W1 spawn_join: 200,000 tasks (task i returns i * 2); print the sum.
# BENCH_QUICK=1: 2,000 tasks (expected 3998000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let N = size(200_000, 2_000)

async fn task(i: Int) -> Int:
    return i * 2

async fn main():
    var coros = []
    for i in range(N):
        coros.append(task(i))
    var total = 0
    for v in await join(coros):
        total += v
    print(total)
