# Form: a sync `fn main()`: a spawn loop keeping the handles, each waited for with
# `h.await()`.
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

fn main():
    var handles = []
    for _ in range(N):
        handles.append(spawn(sleeper()))
    var total = 0
    for h in handles:
        total += h.await()
    print(total)
