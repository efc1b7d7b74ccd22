# args: --workers 1 --virtual-time
# Pattern: `shield` keeps a critical operation running when whoever awaits
# it is cancelled or gives up.
# From the seeds: 003 "Timeout & Shield" (`wait_for` enforces deadlines;
# `shield` keeps critical sections alive).
#
#   mojolite run examples/patterns/shield.mojo

# A write that must not be torn in half: once started, it completes.
async fn commit(what: String) -> String:
    print(f"commit {what}: started")
    await sleep(1.0)
    print(f"commit {what}: written (t={monotonic():.1f}s)")
    return f"{what} saved"

async fn handler(what: String, shielded: Bool):
    if shielded:
        await shield(commit(what))
    else:
        await commit(what)
    print(f"handler {what}: done")

async fn main():
    # 1. The awaiter is cancelled. Unshielded, the commit dies with it;
    #    shielded, the commit goes on (the handler itself still stops).
    let plain = spawn(handler("order-1", False))
    let guarded = spawn(handler("order-2", True))
    await sleep(0.5)
    plain.cancel()
    guarded.cancel()
    print("handler order-1:", await plain.catch())
    print("handler order-2:", await guarded.catch())
    await sleep(1.0)

    # 2. A deadline on a shielded operation (Python's
    #    `wait_for(shield(op), t)`): the caller stops waiting after 0.5 s,
    #    the operation still completes, and its task holds the result.
    let op = spawn(commit("order-3"))
    match await timeout(shield(op), 0.5):
        case Ok(v):
            print("in time:", v)
        case Err(e):
            print(f"gave up waiting: {e}")
    print("the commit itself:", await op.catch())
