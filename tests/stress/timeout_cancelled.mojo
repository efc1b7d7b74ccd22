# Cancelling a task that waits in `timeout(ch.recv(), secs)` cancels the
# receive too: afterwards nobody receives, so a value sent later stays in the
# channel (it must not be taken by an orphaned receive and dropped).
async fn waiter(ch: Channel[Int]):
    let r = await timeout(ch.recv(), 5.0)
    print(f"WRONG: the cancelled waiter got {r}")

async fn main():
    var ok = True
    for cap in [1, 4]:
        let ch = Channel[Int](capacity=cap)
        let w = spawn(waiter(ch))
        await sleep(0.01)
        w.cancel()
        let _ = await w.catch()
        await ch.send(42)
        await sleep(0.01)
        let left = ch.try_recv()
        if left != Some(42):
            print(f"WRONG: cap {cap}: the value sent after the cancel was taken by nobody's receive (try_recv gave {left})")
            ok = False
    if ok:
        print("ok")
