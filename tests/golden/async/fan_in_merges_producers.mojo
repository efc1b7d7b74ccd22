# args: --workers 1 --virtual-time
# Checks fan-in: three producers send into one channel, a closer task closes it once they are
# all done, and the single consumer gets every value exactly once and then stops.
async fn producer(out: Channel[String], name: String, n: Int, gap: Float):
    for i in range(n):
        await sleep(gap)
        await out.send(f"{name}{i}")

async fn closer(ps: List[Task[None]], out: Channel[String]):
    for p in ps:
        await p
    out.close()

async fn main():
    let merged = Channel[String]()
    var ps = []
    ps.append(spawn(producer(merged.clone(), "a", 3, 0.3)))
    ps.append(spawn(producer(merged.clone(), "b", 2, 0.5)))
    ps.append(spawn(producer(merged.clone(), "c", 4, 0.2)))
    spawn(closer(ps, merged.clone()))
    var got = []
    async for v in merged:
        got.append(v)
    print(len(got), sorted(got))
# expect: 9 ['a0', 'a1', 'a2', 'b0', 'b1', 'c0', 'c1', 'c2', 'c3']
