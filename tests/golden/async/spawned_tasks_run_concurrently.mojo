# args: --workers 1 --virtual-time
# Checks that spawned tasks run concurrently: tasks sleeping 1.5 s, 0.5 s and 1.0 s are all
# done 1.5 s after they were spawned (the longest), not after the sum of their sleeps.
async fn nap(label: String, secs: Float) -> String:
    await sleep(secs)
    return label

async fn main():
    let t0 = monotonic()
    let tasks = [spawn(nap("x", 1.5)), spawn(nap("y", 0.5)), spawn(nap("z", 1.0))]
    var got = []
    for t in tasks:
        got.append(await t)
    print(got, f"{monotonic() - t0:.2f}")
# expect: ['x', 'y', 'z'] 1.50
