# Pattern: cooperative versus preemptive scheduling: what mojolite does
# differently from asyncio.
# From the seeds: 004 §7 "Cooperative vs. pre-emptive scheduling" (asyncio
# coroutines that never yield run one after the other; threads interleave
# without any explicit yield) and 002 "BAD: Blocking the event loop".
#
#   mojolite run examples/patterns/cooperative_vs_preemptive.mojo
#
# In asyncio a coroutine that computes without `await` holds the event loop:
# the three tasks below would run strictly one after the other (AAAA… BBBB…
# CCCC…) and the heartbeat would not run at all until they finish. mojolite
# preempts a task that runs long without awaiting (after a budget of
# instructions), like an OS scheduler preempts threads; on several workers
# the tasks also run in parallel. So the same code interleaves, and the
# heartbeat keeps running. An explicit `await yield_now()` still works, and
# hands over at exactly the point you choose.

# CPU-bound work in chunks, with no `await` at all; each chunk is logged.
async fn crunch(name: String, log: Channel[String], done: Atomic) -> Int:
    var total = 0
    for chunk in range(10):
        for i in range(50_000):
            total = (total + i) % 1_000_003
        log.try_send(name)  # never waits: the buffer is large enough
    done.fetch_add(1)
    return total

# The same, handing over after every chunk (asyncio's `await asyncio.sleep(0)`).
async fn crunch_cooperatively(name: String, log: Channel[String], done: Atomic) -> Int:
    var total = 0
    for chunk in range(10):
        for i in range(50_000):
            total = (total + i) % 1_000_003
        log.try_send(name)
        await yield_now()
    done.fetch_add(1)
    return total

# Counts the turns it gets while the crunchers are still working.
async fn heartbeat(done: Atomic) -> Int:
    var beats = 0
    while True:
        await yield_now()
        if done.load() == 3:
            return beats
        beats += 1

fn drain(log: Channel[String]) -> String:
    var order = ""
    while let Some(name) = log.try_recv():
        order += name
    return order

# True unless each task ran all its chunks in one go (like AAAABBBBCCCC).
fn interleaved(order: String) -> Bool:
    var switches = 0
    for i in range(1, len(order)):
        if order[i] != order[i - 1]:
            switches += 1
    return switches > 2

async fn main():
    let log = Channel[String]::with_capacity(100)

    print("No await inside the loops (asyncio: one after the other, heartbeat starved):")
    let done = Atomic(0)
    let beat = spawn(heartbeat(done))
    await join([crunch("A", log, done), crunch("B", log, done), crunch("C", log, done)])
    let order = drain(log)
    print("  all 30 chunks done:", len(order) == 30)
    print("  the tasks interleaved:", interleaved(order))
    print("  the heartbeat ran while they computed:", await beat > 0)

    print("With `await yield_now()` after each chunk (cooperative):")
    let done2 = Atomic(0)
    let beat2 = spawn(heartbeat(done2))
    await join([crunch_cooperatively("A", log, done2), crunch_cooperatively("B", log, done2), crunch_cooperatively("C", log, done2)])
    let order2 = drain(log)
    print("  all 30 chunks done:", len(order2) == 30)
    print("  the tasks interleaved:", interleaved(order2))
    print("  the heartbeat ran while they computed:", await beat2 > 0)
