# Checks the forms of `await ch.recv()` / `await ch.send(v)` whose result is taken
# apart at once: `while let Some(v) = await ch.recv()` (ends at close, also when it has
# to wait), `(await ch.recv()).unwrap()`, the Optional kept whole, a channel carrying
# None values, and the value of a send.
async fn slow_producer(ch: Channel[Int]):
    for i in range(3):
        await sleep(0.001)
        await ch.send(i * 10)
    ch.close()

async fn main():
    let ch = Channel[Int]::with_capacity(4)
    let r = await ch.send(1)
    print("send gives", r)
    await ch.send(2)
    print("unwrap", (await ch.recv()).unwrap())
    let kept = await ch.recv()
    print("kept", kept)
    ch.close()
    let after = await ch.recv()
    print("after close", after)

    let waited = Channel[Int]::with_capacity(1)
    let p = spawn(slow_producer(waited))
    while let Some(v) = await waited.recv():
        print("waited for", v)
    await p

    let opts = Channel[Optional[Int]]::with_capacity(4)
    await opts.send(None)
    await opts.send(Some(5))
    opts.close()
    while let Some(v) = await opts.recv():
        print("carried", v)

    let empty = Channel[Int]::with_capacity(1)
    empty.close()
    print("before unwrap")
    print((await empty.recv()).unwrap())
# expect: send gives None
# expect: unwrap 1
# expect: kept Some(2)
# expect: after close None
# expect: waited for 0
# expect: waited for 10
# expect: waited for 20
# expect: carried None
# expect: carried Some(5)
# expect: before unwrap
# expect runtime error: called unwrap on None
# expect runtime error: channel_recv_unwrap_forms.mojo:39:
