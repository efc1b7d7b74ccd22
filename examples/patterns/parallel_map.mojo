# args: --workers 1 --virtual-time
# order: fixed
# Pattern: `parallel_map`: apply a function to every item concurrently, with
# at most `limit` at a time, and return the results in input order, whatever
# the order they finish in.
# From the seeds: 003 Exercise 1 ("Implement parallel_map with
# ThreadPoolExecutor preserving order"), 002 "Batch Processing".
#
#   mojolite run examples/patterns/parallel_map.mojo
#
# The results are in input order on any number of workers; the finishing
# order depends on which tasks the semaphore lets in first, which on several
# workers depends on scheduling: the output is pinned with `--workers 1` only.

# Async version: a semaphore bounds the concurrency; `join` keeps the order.
async fn parallel_map(f: async fn(Int) -> Int, items: List[Int], limit: Int) -> List[Int]:
    let sem = Semaphore(limit)
    async fn bounded(item: Int) -> Int:
        async with sem:
            return await f(item)
    return await join([bounded(item) for item in items])

# Executor version (like ThreadPoolExecutor.map): a separate pool of
# `workers` threads runs the tasks; awaiting them in turn keeps the order.
async fn executor_map(f: async fn(Int) -> Int, items: List[Int], workers: Int) -> List[Int]:
    let executor = Executor(workers)
    var tasks = List[Task[Int]]()
    for item in items:
        tasks.append(executor.spawn(f(item)))
    var results = List[Int]()
    for task in tasks:
        results.append(await task)
    executor.shutdown()
    return results

let finished = Channel[Int]::with_capacity(100)

# How long each item takes (in ms): not in input order.
let DELAY_MS = {1: 530, 2: 170, 3: 310, 4: 70, 5: 410, 6: 230, 7: 130, 8: 290}

# Each item records when it finished.
async fn slow_square(x: Int) -> Int:
    await sleep(DELAY_MS[x] / 1000)
    finished.try_send(x)
    return x * x

fn drain() -> List[Int]:
    var order = List[Int]()
    while let Some(x) = finished.try_recv():
        order.append(x)
    return order

async fn main():
    let items = [1, 2, 3, 4, 5, 6, 7, 8]
    let started = monotonic()
    let squares = await parallel_map(slow_square, items, 4)
    print("parallel_map:  ", squares)
    print("finished in:   ", drain())
    print(f"took {monotonic() - started:.2f} s with 4 at a time (one at a time: {sum(DELAY_MS.values()) / 1000:.2f} s)")

    print("executor_map:  ", await executor_map(slow_square, items, 4))
