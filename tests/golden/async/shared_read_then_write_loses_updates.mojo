# args: --workers 1 --virtual-time
# Checks that Shared's get() and set() are each atomic but a read-then-write with an await in
# between is not: on one worker all 50 tasks read 0 before any writes, so only one update stays.
async fn racy_add(cell: Shared, start: Event):
    await start.wait()
    let seen = cell.get()
    await yield_now()
    cell.set(seen + 1)

async fn main():
    let cell = Shared(0)
    let start = Event()
    var ts = []
    for i in range(50):
        ts.append(spawn(racy_add(cell, start)))
    start.set()
    for t in ts:
        await t
    print("after 50 racy adds:", cell.get())
# expect: after 50 racy adds: 1
