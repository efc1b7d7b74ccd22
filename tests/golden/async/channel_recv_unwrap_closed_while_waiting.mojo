# Checks `(await ch.recv()).unwrap()` that has to wait, then finds the channel closed:
# the unwrap reports None at the receive's line, and a waiting `while let` loop over
# another channel ends when that channel is closed.
async fn close_later(ch: Channel[Int]):
    await sleep(0.001)
    ch.close()

async fn drain(ch: Channel[Int]) -> Int:
    var n = 0
    while let Some(v) = await ch.recv():
        n += v
    return n

async fn main():
    let a = Channel[Int]::with_capacity(1)
    let d = spawn(drain(a))
    await sleep(0.001)
    await a.send(5)
    let c = spawn(close_later(a))
    print("drained", await d)
    await c
    let b = Channel[Int]::with_capacity(1)
    let c2 = spawn(close_later(b))
    print("waiting")
    let v = (await b.recv()).unwrap()
    print("WRONG", v, c2)
# expect: drained 5
# expect: waiting
# expect runtime error: called unwrap on None
# expect runtime error: channel_recv_unwrap_closed_while_waiting.mojo:25:
