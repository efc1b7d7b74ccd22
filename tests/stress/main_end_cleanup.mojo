# When main returns, every task still running is cancelled, and every task
# that started runs its `finally` block before the program exits: those
# already waiting at an `await`, and also those that were in their first
# time slice or still queued when main returned (a queued task never
# starts its body). Each started task prints `start`, each finished
# clean-up prints `cleanup`: the harness checks the two counts are equal.

async fn worker(i: Int):
    print("start")
    try:
        # First slices of different lengths, so main's end finds tasks at
        # every stage: queued, computing, and waiting.
        var x = 0
        for j in range((i % 40) * 300):
            x += j
        await sleep(100.0)
    finally:
        print("cleanup")

async fn main():
    let n = int(env.get("STRESS_N").unwrap_or("2000"))
    for i in range(n):
        spawn(worker(i))
    # Return while the others are still starting.
    await sleep(0.0)
