# Checks `let m = await ch.recv()` followed by `match m:` when the value is ready, when the
# receive has to wait, and when the channel is closed: the case taken, the bound value,
# and `m` itself after the match (still the Optional that was received).
async fn feed(ch: Channel[String]):
    await sleep(0.01)
    await ch.send("late")
    ch.close()

async fn main():
    let ch = Channel[String]::with_capacity(4)
    await ch.send("ready")
    spawn(feed(ch))
    var got = []
    while True:
        let m = await ch.recv()
        match m:
            case Some(v):
                got.append(v)
            case None:
                got.append("closed")
                break
        print(m)
    print(got)
# expect: Some('ready')
# expect: Some('late')
# expect: ['ready', 'late', 'closed']
