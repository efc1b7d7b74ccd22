# args: --virtual-time
# `async with` on the builtin handles: the TaskGroup's entry gives the group
# itself (awaited at once), its exit waits for the children; a Lock's exit
# releases it (and an exit with nothing held is an error); called by hand,
# `__aenter__` and `__aexit__` still give futures to await.
async fn child(i: Int, out: Channel[Int]):
    await sleep(0.01 * Float(i))
    await out.send(i)

async fn main():
    let out = Channel[Int]::with_capacity(8)
    async with TaskGroup() as tg:
        for i in range(3):
            tg.spawn(child(i, out))
        print("spawned", type(tg))
    out.close()
    var got = []
    async for v in out:
        got.append(v)
    print("children done before the block ended:", got)

    let lock = Lock()
    async with lock:
        print("held:", lock.locked())
    print("after the block:", lock.locked())

    let group = TaskGroup()
    let entered = await group.__aenter__()
    print("entered by hand:", type(entered))
    let t = entered.spawn(child(1, Channel[Int]::with_capacity(1)))
    await group.__aexit__(None)
    print("exit by hand waited for its child:", t.is_done())

    let sem = Semaphore(2)
    async with sem:
        print("available inside:", sem.available())
    print("available after:", sem.available())
    try:
        async with lock:
            raise ValueError("inside the block")
    except ValueError as e:
        print("raised in the block:", e, "/ still held:", lock.locked())
    try:
        await lock.__aexit__(None)
    except ValueError as e:
        print("caught:", e)

# expect: spawned TaskGroup
# expect: children done before the block ended: [0, 1, 2]
# expect: held: True
# expect: after the block: False
# expect: entered by hand: TaskGroup
# expect: exit by hand waited for its child: True
# expect: available inside: 1
# expect: available after: 2
# expect: raised in the block: ValueError: inside the block / still held: False
# expect: caught: ValueError: Lock released more times than acquired
