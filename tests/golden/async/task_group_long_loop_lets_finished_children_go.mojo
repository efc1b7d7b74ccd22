# args: --workers 1 --max-memory 32M
# A TaskGroup around a long loop (the shape of an accept loop spawning a
# handler per connection) holds the children still running, not every child
# it ever had: 30,000 results of ~3 KB each would need ~100 MB. A Task the
# program kept still gives its result after the group let go of the child.
async fn handle(i: Int) -> List[Int]:
    await sleep(0)
    return [i] * 200

async fn main():
    var served = 0
    var kept: Optional[Task[List[Int]]] = None
    async with TaskGroup() as tg:
        for i in range(30_000):
            let t = tg.spawn(handle(i))
            if i == 7:
                kept = Some(t)
            await sleep(0)
            served += 1
    print(served)
    if let Some(t) = kept:
        let r = await t
        print(len(r), r[0])
# expect: 30000
# expect: 200 7
