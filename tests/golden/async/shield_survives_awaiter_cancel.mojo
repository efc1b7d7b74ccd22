# args: --workers 1 --virtual-time
# Checks shield(): cancelling the task that awaits a shielded operation cancels that task at
# once, but the shielded operation keeps running to completion.
let t0 = monotonic()
let record = Channel[String]::with_capacity(4)

async fn save_file() -> String:
    await sleep(3.0)
    record.try_send(f"saved at {monotonic() - t0:.1f}")
    return "ok"

async fn requester() -> String:
    let r = await shield(save_file())
    print("WRONG: requester went on")
    return r

async fn main():
    let h = spawn(requester())
    await sleep(1.0)
    h.cancel()
    try:
        await h
    except CancelledError as e:
        print(f"requester cancelled at {monotonic() - t0:.1f}")
    print(record.try_recv())
    await sleep(5.0)
    print(record.try_recv())
# expect: requester cancelled at 1.0
# expect: None
# expect: Some('saved at 3.0')
