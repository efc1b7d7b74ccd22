# args: --workers 1 --virtual-time
# Pattern: mutual exclusion with a `Lock`, and signalling between tasks with
# an `Event`.
# From the seeds: 002 "Concurrency Primitives" (Lock around a read-modify-write
# with an `await` inside; Event waiter and setter) and 003 (locks, events).
#
#   mojolite run examples/patterns/lock_event.mojo

# ---- Lock: a read-modify-write that awaits in the middle --------------------

let lock = Lock()
let counter = Shared(0)

async fn increment():
    async with lock:
        let temp = counter.get()
        await sleep(0.001)  # Simulate work
        counter.set(temp + 1)

# ---- Event: tasks wait until another one says "go" ---------------------------

let event = Event()

async fn waiter(id: Int):
    print(f"waiter {id}: waiting")
    await event.wait()
    print(f"waiter {id}: Event triggered! (t={monotonic():.1f}s)")

async fn setter():
    await sleep(1)
    print(f"setter: set (t={monotonic():.1f}s)")
    event.set()

async fn main():
    await join([increment() for _ in range(100)])
    print("counter after 100 locked increments:", counter.get())
    # One at a time: 100 x 0.001 s.
    print(f"the increments took {monotonic():.1f} s")

    await join([waiter(1), waiter(2), waiter(3), setter()])
    print("event is set:", event.is_set())
    # Once set, `wait` returns at once, until `clear`.
    await event.wait()
    event.clear()
    print("after clear:", event.is_set())

    # The lock by hand: acquire, then release in `finally`.
    await lock.acquire()
    try:
        print("holding the lock by hand")
    finally:
        lock.release()
