# Form: code at the top level of the file (no main): a spawn loop keeping the handles,
# awaited in order with top-level await.
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

var handles = []
for i in range(N):
    handles.append(spawn(task(i)))
var total = 0
for h in handles:
    total += await h
print(total)
