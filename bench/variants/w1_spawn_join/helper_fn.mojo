# Form: the spawning and the summing in two helper functions (a sync `fn spawn_all`
# returning the list of handles, an `async fn sum_all` awaiting them), called from
# async fn main.
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

fn spawn_all(n: Int) -> List[Task[Int]]:
    var handles = []
    for i in range(n):
        handles.append(spawn(task(i)))
    return handles

async fn sum_all(handles: List[Task[Int]]) -> Int:
    var total = 0
    for h in handles:
        total += await h
    return total

async fn main():
    print(await sum_all(spawn_all(N)))
