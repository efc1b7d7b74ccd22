# args: --workers 1 --virtual-time
# Checks fan-out: one feeder, four workers reading the same job channel; each job is handled
# exactly once, all four workers get work, and the eight 1-second jobs take 2 seconds.
async fn feeder(jobs: Channel[Int]):
    for j in 1..=8:
        await jobs.send(j)
    jobs.close()

async fn worker(wid: Int, jobs: Channel[Int], done: Channel[Tuple[Int, Int]]):
    async for j in jobs:
        await sleep(1.0)
        await done.send((wid, j * 3))

async fn main():
    let t0 = monotonic()
    let jobs = Channel[Int]()
    let done = Channel[Tuple[Int, Int]]::with_capacity(20)
    spawn(feeder(jobs.clone()))
    var crew = []
    for wid in range(4):
        crew.append(spawn(worker(wid, jobs.clone(), done.clone())))
    for w in crew:
        await w
    done.close()
    var values = []
    var by = {}
    async for (wid, v) in done:
        values.append(v)
        by[wid] = by.get(wid, 0) + 1
    print(sorted(values))
    print("workers used", len(by), f"time {monotonic() - t0:.1f}")
# expect: [3, 6, 9, 12, 15, 18, 21, 24]
# expect: workers used 4 time 2.0
