# Consumers receive with a short timeout in a loop; producers send a known
# set of values. Every value sent must be received: a receive that ends in
# TimeoutError must not have consumed a value (if the receive won the race
# with the deadline, timeout() must return its value).
async fn producer(ch: Channel[Int], base: Int, n: Int):
    for i in range(n):
        await ch.send(base + i)
        if i % 3 == 0:
            await sleep(0.0001)

async fn consumer(ch: Channel[Int], got: Atomic, got_sum: Atomic, timeouts: Atomic):
    while True:
        match await timeout(ch.recv(), 0.0002):
            case Ok(Some(v)):
                got.fetch_add(1)
                got_sum.fetch_add(v)
            case Ok(None):
                return
            case Err(_):
                timeouts.fetch_add(1)

async fn main():
    let per = int(env.get("STRESS_PER").unwrap_or("2000"))
    let p = 4
    var ok = True
    for cap in [0, 1, 16]:
        let ch = Channel[Int](capacity=cap)
        let got = Atomic(0)
        let got_sum = Atomic(0)
        let timeouts = Atomic(0)
        var cs = []
        for i in range(6):
            cs.append(spawn(consumer(ch, got, got_sum, timeouts)))
        var ps = []
        for i in range(p):
            ps.append(spawn(producer(ch, i * per, per)))
        for t in ps:
            await t
        ch.close()
        for t in cs:
            await t
        let n = p * per
        if got.load() != n or got_sum.load() != n * (n - 1) // 2:
            print(f"WRONG: cap {cap}: values lost: received {got.load()} of {n} ({timeouts.load()} receives timed out)")
            ok = False
    if ok:
        print("ok")
