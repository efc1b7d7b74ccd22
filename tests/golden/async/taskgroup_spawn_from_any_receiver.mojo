# args: --workers 2 --virtual-time
# Checks tg.spawn(g(x)) whatever expression names the group (a local, a struct field, a
# list item, a parameter of a child that spawns into the group while its end is awaited,
# awaiting that task or not):
# each task joins the group, the block's end waits for all of them, handles give results.
let t0 = monotonic()

struct Holder:
    var group: TaskGroup

async fn work(n: Int, secs: Float) -> Int:
    await sleep(secs)
    return n * 10

async fn late_spawner(tg: TaskGroup) -> Int:
    await sleep(1.0)
    let h = tg.spawn(work(7, 1.0))
    return await h

async fn spawn_and_return(tg: TaskGroup) -> Int:
    await sleep(1.5)
    tg.spawn(work(8, 1.0))
    return 80

async fn main():
    var handles = []
    async with TaskGroup() as tg:
        handles.append(tg.spawn(work(1, 0.5)))
        let holder = Holder(tg)
        handles.append(holder.group.spawn(work(2, 0.5)))
        let groups = [tg]
        handles.append(groups[0].spawn(work(3, 0.5)))
        handles.append(tg.spawn(late_spawner(tg)))
        handles.append(tg.spawn(spawn_and_return(tg)))
    print(f"left the block at {monotonic() - t0:.1f}")
    var results = []
    for h in handles:
        results.append(await h)
    print(results)
    try:
        let n = 5
        n.spawn(work(4, 0.1))
    except AttributeError as e:
        print("AttributeError:", e.message)
# expect: left the block at 2.5
# expect: [10, 20, 30, 70, 80]
# expect: AttributeError: Int has no method `spawn`
