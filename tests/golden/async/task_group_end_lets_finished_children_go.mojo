# args: --workers 1 --virtual-time --max-memory 32M
# The end of a TaskGroup lets go of its children (and their results) as they
# finish, not all at once when the last is done: 10,000 children finishing one
# by one while the block's end waits would otherwise hold ~160 MB of results.
async fn child(i: Int) -> List[Int]:
    await sleep(Float(i) * 0.001)
    return [i] * 1000

async fn main():
    var spawned = 0
    async with TaskGroup() as tg:
        for i in range(10_000):
            tg.spawn(child(i))
            spawned += 1
    print(spawned)
# expect: 10000
