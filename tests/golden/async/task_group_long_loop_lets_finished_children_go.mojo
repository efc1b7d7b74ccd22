# args: --workers 1 --max-memory 32M
# A TaskGroup around a long loop (the shape of an accept loop spawning a
# handler per connection) holds the children still running, not every child
# it ever had: 30,000 results of ~3 KB each would need ~100 MB.
async fn handle(i: Int) -> List[Int]:
    await sleep(0)
    return [i] * 200

async fn main():
    var served = 0
    async with TaskGroup() as tg:
        for i in range(30_000):
            tg.spawn(handle(i))
            await sleep(0)
            served += 1
    print(served)
# expect: 30000
