# args: --workers 1 --virtual-time
# Checks `await lock.acquire()` / `lock.release()`: a second acquirer waits until the holder
# releases, so the three holders enter 0.5 s apart.
async fn hold(lock: Lock) -> Float:
    await lock.acquire()
    let entered = monotonic()
    await sleep(0.5)
    lock.release()
    return entered

async fn main():
    let lock = Lock()
    let ts = [spawn(hold(lock)), spawn(hold(lock)), spawn(hold(lock))]
    var times = []
    for t in ts:
        let v = await t
        times.append(f"{v:.1f}")
    print(sorted(times))
    await lock.acquire()
    print("free again")
    lock.release()
# expect: ['0.0', '0.5', '1.0']
# expect: free again
