# args: --workers 1 --virtual-time
# Pattern: run many operations at once and collect every result and every
# error (Python's `asyncio.gather(*coros, return_exceptions=True)`,
# JavaScript's `Promise.allSettled`), next to `join`, which fails fast.
# From the seeds: 002 "Task Management" (gather_with_errors) and "Basic Pattern".
#
#   mojolite run examples/patterns/gather_errors.mojo

# A pretend fetch: item N takes N/10 s; items 3 and 6 fail.
async fn fetch(id: Int) -> Int:
    await sleep(0.1 * id)
    if id % 3 == 0:
        raise ValueError(f"item {id} is broken")
    return id * 10

# `join_settled` never raises: one `Result` per operation, in input order.
async fn gather_with_errors(ids: List[Int]) -> (List[Int], List[Error]):
    let results = await join_settled([fetch(id) for id in ids])
    var successes = List[Int]()
    var failures = List[Error]()
    for r in results:
        match r:
            case Ok(value):
                successes.append(value)
            case Err(e):
                failures.append(e)
    return (successes, failures)

async fn main():
    let ids = [1, 2, 3, 4, 5, 6, 7]
    let started = monotonic()
    let (successes, failures) = await gather_with_errors(ids)
    print("successes:", successes)
    print("failures:")
    for e in failures:
        print(f"  {e}")
    # All seven ran at once: 0.7 s in all (the slowest), not 2.8 s (the sum).
    print(f"took {monotonic() - started:.1f} s")

    # `join` returns the values themselves, but the first error cancels the
    # others and is raised: here item 3 fails at 0.3 s, and items 4..7 stop.
    let join_started = monotonic()
    try:
        print(await join([fetch(id) for id in ids]))
    except ValueError as e:
        print(f"join raised {e} after {monotonic() - join_started:.1f} s")

    # With no failure, `join` is just the list of values, in input order.
    print(await join([fetch(id) for id in [5, 4, 2, 1]]))
