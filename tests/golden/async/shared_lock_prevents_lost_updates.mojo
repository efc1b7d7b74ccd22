# args: --workers 1 --virtual-time
# Checks that holding a Lock across a Shared read-then-write (with an await inside) makes the
# update safe: none of the 50 increments is lost.
async fn guarded_add(cell: Shared, lock: Lock, start: Event):
    await start.wait()
    async with lock:
        let seen = cell.get()
        await yield_now()
        cell.set(seen + 1)

async fn main():
    let cell = Shared(0)
    let lock = Lock()
    let start = Event()
    var ts = []
    for i in range(50):
        ts.append(spawn(guarded_add(cell, lock, start)))
    start.set()
    for t in ts:
        await t
    print("after 50 guarded adds:", cell.get())
# expect: after 50 guarded adds: 50
