# Form: `match await select([ch]): case (0, v): ...` in the workers and the collector,
# ending when select raises ChannelClosed (the channel is closed and drained);
# capacity 1024.
# W6 pipeline: producer -> c1 (capacity 1024) -> 4 workers (v*v) -> c2 (capacity 1024)
# -> collector; closing a channel ends the stream. The 4 workers share c1.
# BENCH_QUICK=1: n = 10,000 (expected 333383335000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let N = size(1_000_000, 10_000)

async fn producer(c1: Channel[Int]):
    for v in range(1, N + 1):
        await c1.send(v)
    c1.close()

async fn worker(c1: Channel[Int], c2: Channel[Int]):
    while True:
        try:
            match await select([c1]):
                case (0, v):
                    await c2.send(v * v)
        except ChannelClosed:
            break

async fn collector(c2: Channel[Int]) -> Int:
    var total = 0
    while True:
        try:
            match await select([c2]):
                case (0, v):
                    total += v
        except ChannelClosed:
            break
    return total

async fn main():
    let c1 = Channel[Int]::with_capacity(1024)
    let c2 = Channel[Int]::with_capacity(1024)
    let p = spawn(producer(c1))
    var workers = []
    for _ in range(4):
        workers.append(spawn(worker(c1, c2)))
    let c = spawn(collector(c2))
    await p
    for w in workers:
        await w
    c2.close()
    print(await c)
