# Form: a list of coroutines built by a loop, then `await join(coros)`; the values are
# summed by a for loop.
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
    var coros = []
    for _ in range(N):
        coros.append(sleeper())
    var total = 0
    for v in await join(coros):
        total += v
    print(total)
