# args: --workers 1 --virtual-time
# Checks that the first failing child of a TaskGroup cancels its siblings (they get
# CancelledError) and that its error is re-raised when the block is left, at the failure time.
let t0 = monotonic()
let log = Channel[String]::with_capacity(8)

async fn member(name: String, secs: Float):
    try:
        await sleep(secs)
        log.try_send(name + " finished")
    except CancelledError as e:
        log.try_send(name + " cancelled")
        raise e

async fn faulty(secs: Float):
    await sleep(secs)
    raise IndexError("member broke")

async fn main():
    try:
        async with TaskGroup() as tg:
            tg.spawn(member("m1", 0.5))
            tg.spawn(faulty(1.0))
            tg.spawn(member("m2", 4.0))
            tg.spawn(member("m3", 6.0))
        print("WRONG: no error")
    except IndexError as e:
        print(f"group raised '{e.message}' at {monotonic() - t0:.1f}")
    await sleep(0)
    var lines = []
    while let Some(m) = log.try_recv():
        lines.append(m)
    print(sorted(lines))
# expect: group raised 'member broke' at 1.0
# expect: ['m1 finished', 'm2 cancelled', 'm3 cancelled']
