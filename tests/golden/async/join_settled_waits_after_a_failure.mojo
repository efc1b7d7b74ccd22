# args: --workers 1 --virtual-time
# Checks that join_settled does not stop at a failure: it returns when the last member is
# done, with an Err for the member that failed and an Ok for each of the others.
let t0 = monotonic()

async fn fine(n: Int, secs: Float) -> Int:
    await sleep(secs)
    return n

async fn broken(secs: Float) -> Int:
    await sleep(secs)
    raise ValueError("bad input")

async fn main():
    let results = await join_settled([fine(1, 3.0), broken(1.0), fine(2, 2.0)])
    print(f"settled at {monotonic() - t0:.1f}")
    for r in results:
        match r:
            case Ok(v):
                print("ok", v)
            case Err(e):
                print("err", e.kind, e.message)
# expect: settled at 3.0
# expect: ok 1
# expect: err ValueError bad input
# expect: ok 2
