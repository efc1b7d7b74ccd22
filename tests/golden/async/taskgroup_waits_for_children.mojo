# args: --workers 1 --virtual-time
# Checks TaskGroup: leaving the `async with TaskGroup() as tg:` block waits until every child
# spawned with tg.spawn has finished.
let t0 = monotonic()
let finished = Channel[String]::with_capacity(8)

async fn step(name: String, secs: Float):
    await sleep(secs)
    finished.try_send(name)

async fn main():
    async with TaskGroup() as tg:
        tg.spawn(step("x", 0.5))
        tg.spawn(step("y", 1.5))
        tg.spawn(step("z", 1.0))
        print("block body done", len(finished))
    print(f"left the block at {monotonic() - t0:.1f}", len(finished))
    var names = []
    while let Some(n) = finished.try_recv():
        names.append(n)
    print(sorted(names))
# expect: block body done 0
# expect: left the block at 1.5 3
# expect: ['x', 'y', 'z']
