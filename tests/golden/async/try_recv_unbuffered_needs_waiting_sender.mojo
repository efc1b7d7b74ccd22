# args: --workers 1 --virtual-time
# Checks try_recv on an unbuffered channel: None when no sender is waiting, the value when a
# sender is already blocked in send (which then completes), and None after close.
async fn give(ch: Channel[Int], v: Int) -> String:
    await ch.send(v)
    return "send completed"

async fn main():
    let ch = Channel[Int]()
    print("no sender:", ch.try_recv())
    let s = spawn(give(ch.clone(), 8))
    await sleep(0.2)
    print("sender waiting:", ch.try_recv())
    print(await s)
    print("after:", ch.try_recv())
    ch.close()
    print("closed:", ch.try_recv())
# expect: no sender: None
# expect: sender waiting: Some(8)
# expect: send completed
# expect: after: None
# expect: closed: None
