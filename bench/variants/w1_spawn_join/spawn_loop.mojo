# Form: spawn loop keeping the handles, awaited in order, in async fn main (the tuned
# program, a copy of bench/mojolite/w1_spawn_join.mojo).
# W1 spawn_join: spawn 200,000 tasks (task i returns i * 2), keep every handle,
# await them in order and print the sum.
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
    var handles = []
    for i in range(N):
        handles.append(spawn(task(i)))
    var total = 0
    for h in handles:
        total += await h
    print(total)
