# Channel fan-in / fan-out with many producers and consumers, and select
# over channels that are closed while traffic is in flight. Exact sums and
# counts; every value received exactly once.

async fn producer(ch: Channel[Int], base: Int, n: Int, sent: Atomic, sent_sum: Atomic):
    for i in range(n):
        await ch.send(base + i)
        sent.fetch_add(1)
        sent_sum.fetch_add(base + i)

async fn consumer(ch: Channel[Int]) -> List[Int]:
    var got = []
    async for v in ch:
        got.append(v)
    return got

# The same with `while let` (the test and unwrap fused with the receive).
async fn consumer_while_let(ch: Channel[Int]) -> List[Int]:
    var got = []
    while let Some(v) = await ch.recv():
        got.append(v)
    return got

# Phase 1: P producers, C consumers on one channel; closed after all producers finish.
async fn fan(cap: Int, p: Int, c: Int, per: Int) -> Bool:
    let ch = Channel[Int](capacity=cap)
    let sent = Atomic(0)
    let sent_sum = Atomic(0)
    var ps = []
    for i in range(p):
        ps.append(spawn(producer(ch, i * per, per, sent, sent_sum)))
    var cs = []
    for i in range(c):
        if i % 2 == 0:
            cs.append(spawn(consumer(ch)))
        else:
            cs.append(spawn(consumer_while_let(ch)))
    for t in ps:
        await t
    ch.close()
    var all = []
    for t in cs:
        all.extend(await t)
    let n = p * per
    all.sort()
    var ok = len(all) == n and sent.load() == n
    if ok:
        for i in range(n):
            if all[i] != i:
                ok = False
                print(f"WRONG: cap {cap}: position {i} holds {all[i]}")
                break
    else:
        print(f"WRONG: cap {cap} p {p} c {c}: received {len(all)} of {n} (sent {sent.load()})")
    return ok

# A producer that sends until its channel is closed under it; returns what
# was sent successfully.
async fn until_closed(ch: Channel[Int], base: Int, n: Int) -> List[Int]:
    var ok = []
    for i in range(n):
        try:
            await ch.send(base + i)
        except ChannelClosed:
            return ok
        ok.append(base + i)
    return ok

# Receives with select until every channel is closed and drained.
async fn selector(chans: List[Channel[Int]]) -> List[Int]:
    var got = []
    while True:
        try:
            let (i, v) = await select(chans)
            got.append(v)
        except ChannelClosed:
            return got

# The same with the channels in locals and `match` on the (index, value) pair
# (the form that reads the channels in place and never builds the tuple);
# each value must come from the channel the index names (channel k carries
# values k * span .. (k + 1) * span - 1).
async fn selector_match(a: Channel[Int], b: Channel[Int], c: Channel[Int], d: Channel[Int], span: Int) -> List[Int]:
    var got = []
    while True:
        try:
            match await select([a, b, c, d]):
                case (0, v):
                    got.append(v)
                    if v // span != 0:
                        print(f"WRONG: select index 0 for value {v}")
                case (i, v) if v // span == i:
                    got.append(v)
                case other:
                    print(f"WRONG: select gave {other}")
        except ChannelClosed:
            return got

async fn closer(ch: Channel[Int], after: Float):
    await sleep(after)
    ch.close()

# Phase 2: several channels, producers on each, select consumers, and each
# channel closed at a different moment while producers are still sending.
async fn select_close(caps: List[Int], per: Int, consumers: Int) -> Bool:
    var chans = []
    for c in caps:
        chans.append(Channel[Int](capacity=c))
    var ps = []
    for k in range(len(chans)):
        for j in range(3):
            ps.append(spawn(until_closed(chans[k], (k * 3 + j) * per, per)))
    var cs = []
    for i in range(consumers):
        if i % 2 == 0 or len(chans) != 4:
            cs.append(spawn(selector(chans)))
        else:
            cs.append(spawn(selector_match(chans[0], chans[1], chans[2], chans[3], 3 * per)))
    var closers = []
    for k in range(len(chans)):
        closers.append(spawn(closer(chans[k], 0.001 * (k + 1))))
    var sent = []
    for t in ps:
        sent.extend(await t)
    for t in closers:
        await t
    var got = []
    for t in cs:
        got.extend(await t)
    sent.sort()
    got.sort()
    if sent != got:
        print(f"WRONG: select/close: sent {len(sent)} values, received {len(got)}")
        var i = 0
        while i < len(sent) and i < len(got) and sent[i] == got[i]:
            i += 1
        if i < len(sent) and i < len(got):
            print(f"WRONG: first difference at {i}: sent {sent[i]} got {got[i]}")
        return False
    return True

# try_send producers (spinning while full) against receivers and a close:
# every value for which try_send returned True is received exactly once.
async fn try_producer(ch: Channel[Int], base: Int, n: Int) -> List[Int]:
    var ok = []
    var i = 0
    while i < n:
        if ch.try_send(base + i):
            ok.append(base + i)
            i += 1
        elif ch.is_closed():
            return ok
        else:
            await yield_now()
    return ok

async fn try_close(cap: Int, per: Int) -> Bool:
    let ch = Channel[Int](capacity=cap)
    var cs = []
    for i in range(4):
        cs.append(spawn(consumer(ch)))
    var ps = []
    for j in range(4):
        ps.append(spawn(try_producer(ch, j * per, per)))
    let c = spawn(closer(ch, 0.002))
    var sent = []
    for t in ps:
        sent.extend(await t)
    await c
    var got = []
    for t in cs:
        got.extend(await t)
    sent.sort()
    got.sort()
    if sent != got:
        print(f"WRONG: try_send/close cap {cap}: {len(sent)} values reported sent, {len(got)} received")
        return False
    return True

async fn main():
    let per = int(env.get("STRESS_PER").unwrap_or("2000"))
    var ok = True
    # 0: unbuffered; 1, 16, 1024: the lock-free ring (1024 wraps round
    # while producers and consumers run at once); 20000: beyond the ring,
    # the buffer under the lock.
    for cap in [0, 1, 16, 1024, 20000]:
        ok = await fan(cap, 8, 8, per) and ok
        ok = await fan(cap, 1, 16, per * 4) and ok
        ok = await fan(cap, 16, 1, per // 2) and ok
    for round in range(5):
        ok = await select_close([0, 1, 16, 0], per * 4, 6) and ok
    for round in range(3):
        for cap in [0, 1, 16, 1024, 20000]:
            ok = await try_close(cap, per * 4) and ok
    if ok:
        print("ok")
