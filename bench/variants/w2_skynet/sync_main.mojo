# Form: a sync `fn main()` that spawns the root and waits with `.await()`; the tree is
# the spawn loop of the tuned program.
# W2 skynet: a tree of 1,111,111 tasks; each parent runs 10 children and returns
# the sum of their results.
# BENCH_QUICK=1: size 10,000 (11,111 tasks, expected 49995000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let SIZE = size(1_000_000, 10_000)

async fn skynet(num: Int, size: Int, div: Int) -> Int:
    if size == 1:
        return num
    let sub = size // div
    var children = []
    for i in range(div):
        children.append(spawn(skynet(num + i * sub, sub, div)))
    var total = 0
    for c in children:
        total += await c
    return total

fn main():
    print(spawn(skynet(0, SIZE, 10)).await())
