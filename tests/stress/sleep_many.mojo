# STRESS_N (default 100 000) tasks each `await sleep(1.0)` at once. Prints
# the count, then when the last task was spawned and when all had finished
# (seconds since main started), for the harness to check.
async fn sleeper(done: Atomic):
    await sleep(1.0)
    done.fetch_add(1)

async fn main():
    let n = int(env.get("STRESS_N").unwrap_or("100000"))
    let done = Atomic(0)
    let t0 = monotonic()
    var tasks = []
    for i in range(n):
        tasks.append(spawn(sleeper(done)))
    let spawned = monotonic() - t0
    for t in tasks:
        await t
    let finished = monotonic() - t0
    print(done.load())
    print(f"timing spawned={spawned:.3f} finished={finished:.3f}")
    if done.load() != n:
        print(f"WRONG: {done.load()} of {n} sleepers finished")
