# args: --workers 1 --virtual-time
# Checks that join() gives the values in the order of its input list, whatever order they
# finish in, with coroutines and an already spawned task mixed; it takes as long as the slowest.
async fn after(v: String, secs: Float) -> String:
    await sleep(secs)
    return v

async fn main():
    let early = spawn(after("second", 0.1))
    let t0 = monotonic()
    let out = await join([after("first", 0.9), early, after("third", 0.4), after("fourth", 0.0)])
    print(out, f"{monotonic() - t0:.1f}")
# expect: ['first', 'second', 'third', 'fourth'] 0.9
