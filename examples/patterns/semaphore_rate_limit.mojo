# args: --workers 1 --virtual-time
# Pattern: limit how many operations run at once with a `Semaphore`, and
# measure the maximum concurrency actually reached.
# From the seeds: 002 "Concurrency Primitives" (Semaphore, rate_limited_fetch)
# and 003 Exercise 2 (an async rate limiter that measures max concurrency).
#
#   mojolite run examples/patterns/semaphore_rate_limit.mojo
#
# The counters are `Atomic`s, shared by every task: a plain variable would be
# copied into each task (values are never shared), and a function may not
# write a global.

# How many requests are in flight now, and the most there ever were.
struct Gauge:
    var current: Atomic
    var peak: Atomic

    fn enter(self):
        let now = self.current.fetch_add(1) + 1
        # Raise the peak to `now` unless another task raised it higher.
        while True:
            let seen = self.peak.load()
            if now <= seen or self.peak.compare_exchange(seen, now):
                break

    fn leave(self):
        self.current.fetch_add(-1)

async fn fetch(gauge: Gauge, id: Int) -> Int:
    gauge.enter()
    await sleep(0.1)  # the request itself
    gauge.leave()
    return id

async fn rate_limited_fetch(sem: Semaphore, gauge: Gauge, id: Int) -> Int:
    async with sem:  # at most N at once
        return await fetch(gauge, id)

async fn main():
    # 20 requests, at most 5 at a time: 4 rounds of 0.1 s.
    let sem = Semaphore(5)
    let gauge = Gauge(Atomic(0), Atomic(0))
    let started = monotonic()
    let ids = await join([rate_limited_fetch(sem, gauge, id) for id in range(20)])
    print(f"limited: {len(ids)} requests, max concurrency {gauge.peak.load()}, {monotonic() - started:.1f} s")
    print("permits free again:", sem.available())

    # Without the semaphore all 20 run at once.
    let free = Gauge(Atomic(0), Atomic(0))
    let started2 = monotonic()
    let ids2 = await join([fetch(free, id) for id in range(20)])
    print(f"unlimited: {len(ids2)} requests, max concurrency {free.peak.load()}, {monotonic() - started2:.1f} s")
