# Form: pong loops with `async for v in a_to_b:` until ping closes a_to_b;
# capacity-1 channels.
# W3 ping_pong: two tasks pass an integer back and forth over two channels; each hop
# adds 1; 500,000 round trips.
# BENCH_QUICK=1: 5,000 round trips (expected 10000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let ROUNDS = size(500_000, 5_000)

async fn ping(a_to_b: Channel[Int], b_to_a: Channel[Int]) -> Int:
    var v = 0
    for _ in range(ROUNDS):
        await a_to_b.send(v + 1)
        v = (await b_to_a.recv()).unwrap()
    a_to_b.close()
    return v

async fn pong(a_to_b: Channel[Int], b_to_a: Channel[Int]):
    async for v in a_to_b:
        await b_to_a.send(v + 1)

async fn main():
    let a_to_b = Channel[Int]::with_capacity(1)
    let b_to_a = Channel[Int]::with_capacity(1)
    let a = spawn(ping(a_to_b, b_to_a))
    let b = spawn(pong(a_to_b, b_to_a))
    let v = await a
    await b
    print(v)
