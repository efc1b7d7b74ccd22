# Form: `let m = await ch.recv()` then `match m: case Some(v): ... case None: break`,
# in both tasks (ping's reply and pong's loop until a_to_b is closed); capacity-1 channels.
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
        let m = await b_to_a.recv()
        match m:
            case Some(x):
                v = x
            case None:
                break
    a_to_b.close()
    return v

async fn pong(a_to_b: Channel[Int], b_to_a: Channel[Int]):
    while True:
        let m = await a_to_b.recv()
        match m:
            case Some(v):
                await b_to_a.send(v + 1)
            case None:
                break

async fn main():
    let a_to_b = Channel[Int]::with_capacity(1)
    let b_to_a = Channel[Int]::with_capacity(1)
    let a = spawn(ping(a_to_b, b_to_a))
    let b = spawn(pong(a_to_b, b_to_a))
    let v = await a
    await b
    print(v)
