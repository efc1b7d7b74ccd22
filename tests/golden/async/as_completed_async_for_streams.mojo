# args: --workers 1 --virtual-time
# Checks `async for v in as_completed([...])`: each value is delivered as soon as its member
# finishes, in completion order.
async fn job(n: Int, secs: Float) -> Int:
    await sleep(secs)
    return n

async fn main():
    let t0 = monotonic()
    async for n in as_completed([job(30, 1.5), job(10, 0.5), job(20, 1.0)]):
        print(n, f"at {monotonic() - t0:.1f}")
    print("stream done")
# expect: 10 at 0.5
# expect: 20 at 1.0
# expect: 30 at 1.5
# expect: stream done
