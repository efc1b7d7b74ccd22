# args: --workers 1 --virtual-time
# Checks that timeout() of a too-slow operation gives Err(TimeoutError) exactly `secs` later:
# it matches `Err(TimeoutError)`, its kind is TimeoutError and its message names the limit.
async fn fetch_count(secs: Float) -> Int:
    await sleep(secs)
    return 99

async fn main():
    let t0 = monotonic()
    let r = await timeout(fetch_count(10.0), 1.5)
    print(r.is_err(), f"{monotonic() - t0:.1f}")
    match r:
        case Err(TimeoutError):
            print("matched Err(TimeoutError)")
        case _:
            print("WRONG", r)
    if let Err(e) = r:
        print(e.kind, "|", e.message)
# expect: True 1.5
# expect: matched Err(TimeoutError)
# expect: TimeoutError | timed out after 1.5s
