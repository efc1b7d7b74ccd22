# Form: `async with TaskGroup() as tg:` spawning every sleeper with tg.spawn, keeping
# the handles; after the block the handles are awaited in order.
# W5 sleep_many: 100,000 tasks each sleep 1.0 s on the runtime's timer and return 1;
# print the sum.
# BENCH_QUICK=1: 1,000 tasks sleeping 0.1 s (expected 1000).

fn is_quick() -> Bool:
    if let Some(q) = env.get("BENCH_QUICK"):
        return q == "1"
    return False

var N = 100_000
var SECS = 1.0
if is_quick():
    N = 1_000
    SECS = 0.1

async fn sleeper() -> Int:
    await sleep(SECS)
    return 1

async fn main():
    var handles = []
    async with TaskGroup() as tg:
        for _ in range(N):
            handles.append(tg.spawn(sleeper()))
    var total = 0
    for h in handles:
        total += await h
    print(total)
