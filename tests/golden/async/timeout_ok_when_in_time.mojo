# args: --workers 1 --virtual-time
# Checks that timeout() of an operation that finishes in time gives Ok(value), as soon as the
# operation finishes (not when the limit runs out).
async fn fetch_count(secs: Float) -> Int:
    await sleep(secs)
    return 99

async fn main():
    let t0 = monotonic()
    let r = await timeout(fetch_count(0.3), 2.0)
    print(r, f"{monotonic() - t0:.1f}")
# expect: Ok(99) 0.3
