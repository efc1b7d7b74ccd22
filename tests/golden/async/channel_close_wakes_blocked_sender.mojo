# args: --workers 1 --virtual-time
# Checks that close() wakes a sender blocked on the channel with ChannelClosed, at the time of
# the close.
let t0 = monotonic()

async fn blocked_sender(ch: Channel[Int]) -> String:
    try:
        await ch.send(2)
        return "WRONG: sent"
    except ChannelClosed as e:
        return f"sender woke with {e.kind} at {monotonic() - t0:.1f}"

async fn main():
    let ch = Channel[Int]()
    let s = spawn(blocked_sender(ch.clone()))
    await sleep(1.0)
    ch.close()
    print(await s)
# expect: sender woke with ChannelClosed at 1.0
