# Form: a struct `Pipeline` holding both channels, with the producer, the workers and
# the collector as async methods and `run` wiring them; `while let` loops; capacity 1024.
# W6 pipeline: producer -> c1 (capacity 1024) -> 4 workers (v*v) -> c2 (capacity 1024)
# -> collector; closing a channel ends the stream. The 4 workers share c1.
# BENCH_QUICK=1: n = 10,000 (expected 333383335000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let N = size(1_000_000, 10_000)

struct Pipeline:
    var c1: Channel[Int]
    var c2: Channel[Int]

    fn __init__(out self, capacity: Int):
        self.c1 = Channel[Int]::with_capacity(capacity)
        self.c2 = Channel[Int]::with_capacity(capacity)

    async fn produce(self, n: Int):
        for v in range(1, n + 1):
            await self.c1.send(v)
        self.c1.close()

    async fn work(self):
        while let Some(v) = await self.c1.recv():
            await self.c2.send(v * v)

    async fn collect(self) -> Int:
        var total = 0
        while let Some(v) = await self.c2.recv():
            total += v
        return total

    async fn run(self, n: Int, workers: Int) -> Int:
        let p = spawn(self.produce(n))
        var ws = []
        for _ in range(workers):
            ws.append(spawn(self.work()))
        let c = spawn(self.collect())
        await p
        for w in ws:
            await w
        self.c2.close()
        return await c

async fn main():
    let pipeline = Pipeline(1024)
    print(await pipeline.run(N, 4))
