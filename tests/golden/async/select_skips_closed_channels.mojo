# args: --workers 1 --virtual-time
# Checks that select() ignores channels that are closed (and drained), keeps waiting on the
# open ones, and raises ChannelClosed once every channel is closed.
let t0 = monotonic()

async fn one_then_close(ch: Channel[String]):
    await sleep(0.5)
    await ch.send("only value")
    await sleep(0.5)
    ch.close()

async fn main():
    let dead = Channel[String]()
    dead.close()
    let live = Channel[String]()
    spawn(one_then_close(live.clone()))
    let (i, v) = await select([dead, live])
    print(i, v, f"{monotonic() - t0:.1f}")
    try:
        print("WRONG", await select([dead, live]))
    except ChannelClosed as e:
        print(e.kind, f"at {monotonic() - t0:.1f}")
# expect: 1 only value 0.5
# expect: ChannelClosed at 1.0
