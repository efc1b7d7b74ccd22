# args: --workers 1 --virtual-time
# Checks that close() wakes a receiver waiting on an empty unbuffered channel: its recv gives
# None at the time of the close.
let t0 = monotonic()

async fn listener(ch: Channel[String]) -> String:
    let got = await ch.recv()
    return f"listener got {got} at {monotonic() - t0:.1f}"

async fn main():
    let ch = Channel[String]()
    let l = spawn(listener(ch.clone()))
    await sleep(2.0)
    ch.close()
    print(await l)
# expect: listener got None at 2.0
