# args: --workers 1 --virtual-time
# Pattern: bound an operation with a timeout, and cancel a task cleanly.
# From the seeds: 002 "Task Management" (with_timeout, with_cancellation) and
# 003 (timeouts; cancellation is cooperative).
#
#   mojolite run examples/patterns/timeout_cancellation.mojo
#
# A cancelled task gets `CancelledError` at its next `await`; its `finally`
# blocks run. `timeout` cancels the operation when time is up.

async fn long_running(name: String, secs: Float) -> String:
    print(f"{name}: started, needs {secs} s")
    try:
        await sleep(secs)
        print(f"{name}: finished")
        return f"{name} result"
    except CancelledError as e:
        print(f"{name}: cancelled at t={monotonic():.1f}s")
        raise e
    finally:
        print(f"{name}: cleanup in finally")

# Python's `wait_for` returning None on timeout: here an Optional.
async fn with_timeout(coro: Coroutine, secs: Float) -> Optional[String]:
    match await timeout(coro, secs):
        case Ok(value):
            return Some(value)
        case Err(e):
            print(f"  {e}")
            return None

async fn with_cancellation():
    let task = spawn(long_running("task", 10.0))
    try:
        await sleep(1)
        task.cancel()
        await task
    except CancelledError:
        print("Task was cancelled")

async fn main():
    print("fast enough:")
    print(await with_timeout(long_running("fast", 0.5), 2.0))
    print("too slow:")
    print(await with_timeout(long_running("slow", 5.0), 2.0))
    print("cancel:")
    await with_cancellation()
    # `task.catch()` tells how a task ended without raising.
    let t = spawn(long_running("caught", 3.0))
    await sleep(0.5)
    t.cancel()
    print(await t.catch())
