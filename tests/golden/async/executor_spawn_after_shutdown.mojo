# Spawning on an executor after `shutdown()` is an error at once, not a task that
# never runs (which would leave its awaiter waiting for ever).
async fn one() -> Int:
    return 1

async fn main():
    let pool = Executor(1)
    print(await pool.spawn(one()))
    pool.shutdown()
    try:
        let t = pool.spawn(one())
        print("WRONG: spawned", await t)
    except e:
        print(e)
# expect: 1
# expect: Error: executor.spawn(): this executor was shut down (spawn its tasks before `shutdown()`)
