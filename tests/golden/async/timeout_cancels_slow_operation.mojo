# args: --workers 1 --virtual-time
# Checks that when timeout() expires, the operation it was waiting for is cancelled: it gets
# CancelledError at its suspension point, at the moment the limit ran out.
let t0 = monotonic()
let trail = Channel[String]::with_capacity(4)

async fn slow_op() -> Int:
    try:
        await sleep(20.0)
    except CancelledError as e:
        trail.try_send(f"slow_op cancelled at {monotonic() - t0:.1f}")
        raise e
    trail.try_send("WRONG: slow_op finished")
    return 1

async fn main():
    let r = await timeout(slow_op(), 0.8)
    print(r.is_err())
    await sleep(0.1)
    print(trail.try_recv())
    await sleep(30.0)
    print(trail.try_recv())
# expect: True
# expect: Some('slow_op cancelled at 0.8')
# expect: None
