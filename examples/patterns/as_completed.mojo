# args: --workers 1 --virtual-time
# Pattern: handle results as they complete, and tasks as futures.
# From the seeds: 004 §3 "asyncio.Future and Task" (create_task, a Task is a
# future, as_completed) and §4 (completion order in concurrent.futures).
#
#   mojolite run examples/patterns/as_completed.mojo

async fn job(name: String, secs: Float) -> String:
    await sleep(secs)
    return f"{name} ({secs} s)"

async fn main():
    # A task is a handle to a running computation: it starts at once.
    let t = spawn(job("report", 0.3), name="report")
    print(f"task {t.name()} spawned, done: {t.is_done()}")
    await sleep(0.5)
    print(f"after 0.5 s, done: {t.is_done()}, result: {await t}")
    # Awaiting a finished task again gives the same value at once.
    print("again:", await t)

    # All the results, in completion order.
    let jobs = [job("slow", 0.3), job("fast", 0.1), job("medium", 0.2)]
    print("as_completed:", await as_completed(jobs))

    # Or one by one, as each completes: work on the first while the others run.
    let started = monotonic()
    async for result in as_completed([job("c", 0.3), job("a", 0.1), job("b", 0.2)]):
        print(f"  t={monotonic() - started:.1f}s got {result}")
