# Pattern: bridge blocking code into async code with `run_blocking`.
# From the seeds: 004 §5 "Bridging sync and async worlds"
# (`loop.run_in_executor`), 002 "Combining async and threads" (run_in_thread).
#
#   mojolite run examples/patterns/run_blocking.mojo
#
# `await run_blocking(f, args…)` runs the ordinary function `f` on a pool of
# blocking threads, so the workers stay free for other tasks; the awaiting
# task gets the return value (or the error) back. Here three blocking jobs run
# at once while a heartbeat task keeps ticking. (This program uses real time:
# with jobs on the blocking pool, the clock cannot jump.)

# An ordinary, blocking function: a CPU-heavy checksum of `n` numbers.
fn checksum(label: String, n: Int) -> String:
    var total = 0
    for i in range(n):
        total = (total + i * i) % 1_000_003
    return f"{label}: checksum {total}"

fn fails(n: Int) -> Int:
    if n < 0:
        raise ValueError(f"cannot process {n}")
    return n

async fn heartbeat(ticks: Atomic):
    while True:
        await sleep(0.005)
        ticks.fetch_add(1)

async fn main():
    let ticks = Atomic(0)
    let beat = spawn(heartbeat(ticks))
    let results = await join([
        run_blocking(checksum, "job 1", 1_000_000),
        run_blocking(checksum, "job 2", 2_000_000),
        run_blocking(checksum, "job 3", 3_000_000),
    ])
    for r in results:
        print(r)
    print("the heartbeat kept ticking meanwhile:", ticks.load() > 0)
    beat.cancel()

    # An error raised in the blocking function reaches the awaiting task.
    try:
        await run_blocking(fails, -1)
    except ValueError as e:
        print("run_blocking raised", e)
    print("run_blocking(fails, 5) =", await run_blocking(fails, 5))
