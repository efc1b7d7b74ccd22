# Form: capacity-1 channels (Channel[Int]::with_capacity(1)), counted for loops and
# `(await ch.recv()).unwrap()` (the tuned program, a copy of bench/mojolite/w3_ping_pong.mojo).
# W3 ping_pong: two tasks pass an integer back and forth over two capacity-1
# channels (Channel[Int]::with_capacity(1)); each hop adds 1.
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
    return v

async fn pong(a_to_b: Channel[Int], b_to_a: Channel[Int]):
    for _ in range(ROUNDS):
        let v = (await a_to_b.recv()).unwrap()
        await b_to_a.send(v + 1)

async fn main():
    let a_to_b = Channel[Int]::with_capacity(1)
    let b_to_a = Channel[Int]::with_capacity(1)
    let a = spawn(ping(a_to_b, b_to_a))
    let b = spawn(pong(a_to_b, b_to_a))
    let v = await a
    await b
    print(v)
