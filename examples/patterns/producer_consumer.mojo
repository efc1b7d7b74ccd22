# args: --workers 1 --virtual-time
# Pattern: producers and consumers connected by a bounded channel. The
# bound is backpressure: fast producers wait for room instead of piling up
# work; closing the channel lets the consumers drain it and stop.
# From the seeds: 002 "Producer-Consumer" (`asyncio.Queue(maxsize=5)  #
# Backpressure`), 004 §8 "Producer / Consumer queues", 003 Exercise 3.
#
#   mojolite run examples/patterns/producer_consumer.mojo

let CAPACITY = 5

# Raises `peak` to `n` unless it is higher already (safe from many tasks).
fn raise_peak(peak: Atomic, n: Int):
    while True:
        let seen = peak.load()
        if n <= seen or peak.compare_exchange(seen, n):
            return

# Sends `n` items as fast as the channel takes them.
async fn producer(id: Int, n: Int, ch: Channel[Int], peak: Atomic):
    for i in range(n):
        await ch.send(id * 100 + i)  # waits while the channel is full
        raise_peak(peak, len(ch))

# Takes 0.1 s per item; stops when the channel is closed and drained.
async fn consumer(id: Int, ch: Channel[Int]) -> (Int, Int):
    var count = 0
    var total = 0
    while let Some(item) = await ch.recv():
        await sleep(0.1)  # process the item
        count += 1
        total += item
    print(f"consumer {id}: channel closed and drained at t={monotonic():.1f}s")
    return (count, total)

async fn main():
    let ch = Channel[Int]::with_capacity(CAPACITY)
    let peak = Atomic(0)
    let consumers = [spawn(consumer(1, ch)), spawn(consumer(2, ch))]
    # Two producers of 10 items each. Without the bound they would be done
    # at once, with 20 items queued; with it they finish only when their last
    # item fits.
    await join([producer(1, 10, ch, peak), producer(2, 10, ch, peak)])
    print(f"producers: 20 items sent by t={monotonic():.1f}s")
    print(f"most items ever queued: {peak.load()} (capacity {ch.capacity()})")
    ch.close()  # no more items: the consumers finish what is queued
    var count = 0
    var total = 0
    for c in consumers:
        let (n, t) = await c
        count += n
        total += t
    print(f"consumed {count} items (sum {total}) by t={monotonic():.1f}s")
