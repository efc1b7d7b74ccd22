# args: --workers 1 --virtual-time
# Checks that when a member of join() fails, join raises that error at the time of the
# failure, and the other members have been cancelled (their finally blocks ran) by then.
let notes = Channel[String]::with_capacity(8)

async fn long_job(tag: String) -> Int:
    try:
        await sleep(30.0)
        return 1
    finally:
        notes.try_send(tag + " stopped")

async fn broken() -> Int:
    await sleep(2.0)
    raise KeyError("missing part")

async fn main():
    let t0 = monotonic()
    try:
        print("WRONG", await join([long_job("p"), broken(), long_job("q")]))
    except KeyError as e:
        print("join raised", e.kind, e.message, f"at {monotonic() - t0:.1f}")
    var seen = []
    while let Some(n) = notes.try_recv():
        seen.append(n)
    print(sorted(seen))
# expect: join raised KeyError missing part at 2.0
# expect: ['p stopped', 'q stopped']
