# args: --workers 1 --virtual-time
# Pattern: the lost-update race, and three fixes.
# From the seeds: 004 §1 "Race conditions" (1000 coroutines read, await,
# write a shared counter) and 002 "Race Condition Prevention".
#
#   mojolite run examples/patterns/lost_update.mojo
#
# mojolite has no data races: values are copied between tasks and functions
# may not write globals, so a shared counter has to be a handle. A `Shared`
# cell's `get` and `set` are each atomic, but a read, then an `await`, then a
# write is not: every task reads before any writes back, and the updates are
# lost. (Under `--virtual-time` the clock moves only when every task waits,
# so all 1000 reads happen first: the result is the same on any number of
# workers.)

let N = 1000

# 1. The race: read, await, write.
async fn unsafe_increment(counter: Shared):
    let temp = counter.get()
    await sleep(0.001)  # any await lets other tasks run here
    counter.set(temp + 1)

# Fix 1: hold a lock across the read-modify-write.
async fn locked_increment(counter: Shared, lock: Lock):
    async with lock:
        let temp = counter.get()
        await sleep(0.001)
        counter.set(temp + 1)

# Fix 2: an atomic read-modify-write, no lock, no await in between.
async fn atomic_increment(counter: Atomic):
    await sleep(0.001)
    counter.fetch_add(1)

# Fix 3: no shared state at all: send the increments to the one task that
# owns the count (the guide's §8.2, "use channels for communication").
async fn send_increment(ch: Channel[Int]):
    await sleep(0.001)
    await ch.send(1)

async fn owner(ch: Channel[Int]) -> Int:
    var count = 0
    while let Some(d) = await ch.recv():
        count += d
    return count

async fn main():
    let racy = Shared(0)
    await join([unsafe_increment(racy) for _ in range(N)])
    print(f"no lock:  {racy.get()} (expected {N}: {N - racy.get()} updates lost)")

    let locked = Shared(0)
    let lock = Lock()
    await join([locked_increment(locked, lock) for _ in range(N)])
    print(f"lock:     {locked.get()}")

    let atomic = Atomic(0)
    await join([atomic_increment(atomic) for _ in range(N)])
    print(f"atomic:   {atomic.load()}")

    let ch = Channel[Int]::with_capacity(100)
    let counting = spawn(owner(ch))
    await join([send_increment(ch) for _ in range(N)])
    ch.close()
    print(f"channel:  {await counting}")
