# Form: a struct holding both channels, with `ping` and `pong` as async methods;
# capacity-1 channels; counted loops with `(await ch.recv()).unwrap()`.
# W3 ping_pong: two tasks pass an integer back and forth over two channels; each hop
# adds 1; 500,000 round trips.
# BENCH_QUICK=1: 5,000 round trips (expected 10000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let ROUNDS = size(500_000, 5_000)

struct PingPong:
    var a_to_b: Channel[Int]
    var b_to_a: Channel[Int]

    async fn ping(self) -> Int:
        var v = 0
        for _ in range(ROUNDS):
            await self.a_to_b.send(v + 1)
            v = (await self.b_to_a.recv()).unwrap()
        return v

    async fn pong(self):
        for _ in range(ROUNDS):
            let v = (await self.a_to_b.recv()).unwrap()
            await self.b_to_a.send(v + 1)

async fn main():
    let game = PingPong(Channel[Int]::with_capacity(1), Channel[Int]::with_capacity(1))
    let a = spawn(game.ping())
    let b = spawn(game.pong())
    let v = await a
    await b
    print(v)
