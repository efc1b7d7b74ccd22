# Form: `async with TaskGroup() as tg:` spawning every task with tg.spawn, keeping the
# handles; after the block (all children done) the handles are awaited in order.
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
    var handles = []
    async with TaskGroup() as tg:
        for i in range(N):
            handles.append(tg.spawn(task(i)))
    var total = 0
    for h in handles:
        total += await h
    print(total)
