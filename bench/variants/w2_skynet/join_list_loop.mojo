# Form: each parent builds a list of child coroutines with a loop, runs them with
# `await join(children)` and sums the values with a for loop.
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
        children.append(skynet(num + i * sub, sub, div))
    var total = 0
    for v in await join(children):
        total += v
    return total

async fn main():
    print(await skynet(0, SIZE, 10))
