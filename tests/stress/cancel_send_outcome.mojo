# A send that ends in CancelledError must not have delivered its value (the
# sender cannot tell otherwise, and a retry would duplicate it). Here the
# receiver takes the value from the parked sender, and the sender is then
# cancelled before it resumes: its send completed, so it must return
# normally (the cancellation is delivered at the next suspension point).
async fn sender(ch: Channel[Int], v: Int, after: Atomic):
    await ch.send(v)
    after.fetch_add(1)
    await sleep(0)

async fn one(cap: Int) -> Bool:
    let ch = Channel[Int](capacity=cap)
    let after = Atomic(0)
    # Fill the buffer so the sender parks.
    for i in range(cap):
        await ch.send(-1)
    let s = spawn(sender(ch, 7, after))
    await sleep(0.001)
    var got = []
    for i in range(cap + 1):
        got.append((await ch.recv()).unwrap())
    s.cancel()
    let r = await s.catch()
    if r.is_err() and after.load() == 0:
        print(f"WRONG: cap {cap}: value {got[cap]} was received, but its send raised {r}")
        return False
    return True

async fn main():
    var ok = True
    for cap in [0, 1, 4]:
        ok = await one(cap) and ok
    if ok:
        print("ok")
