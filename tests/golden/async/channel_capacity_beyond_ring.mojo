# A channel whose capacity is larger than the lock-free ring takes (4096) keeps its
# buffer under the lock instead; it behaves the same: it holds `capacity` values
# without a receiver, refuses one more, and a sender waiting on it is let through
# by a receive.
async fn late_sender(ch: Channel[Int]):
    await ch.send(-1)

async fn main():
    let n = 20_000
    let ch = Channel[Int]::with_capacity(n)
    for i in range(n):
        await ch.send(i)
    print("len", ch.len(), "capacity", ch.capacity(), "try_send when full", ch.try_send(n))
    let s = spawn(late_sender(ch))
    await sleep(0.001)
    print("len while the sender waits", ch.len())
    var total = 0
    var count = 0
    for _ in range(n + 1):
        total += (await ch.recv()).unwrap()
        count += 1
    await s
    print("received", count, "sum", total)
    ch.close()
    print("after close", await ch.recv())
# expect: len 20000 capacity 20000 try_send when full False
# expect: len while the sender waits 20000
# expect: received 20001 sum 199989999
# expect: after close None
