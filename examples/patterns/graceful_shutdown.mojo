# args: --workers 1 --virtual-time
# order: fixed
# Pattern: graceful shutdown. A signal (an `Event`) asks the service to stop;
# the workers are cancelled, and awaited, so every `finally` runs before the
# program ends: nothing is left half done.
# From the seeds: 003 "graceful shutdown cancels tasks and awaits their
# completion", 002 "Use structured concurrency", the guide's §8.5.
#
#   mojolite run examples/patterns/graceful_shutdown.mojo
#
# Which worker takes which job depends on scheduling: the output is pinned
# with `--workers 1` only.

let shutdown = Event()

async fn worker(id: Int, jobs: Channel[Int]):
    var done = 0
    try:
        while let Some(job) = await jobs.recv():
            await sleep(0.33)  # work on the job
            done += 1
            print(f"worker {id}: finished job {job}")
    finally:
        # Runs on cancellation too: release resources, report, flush.
        print(f"worker {id}: stopping after {done} jobs")

async fn feeder(jobs: Channel[Int]):
    var n = 0
    while True:
        await jobs.send(n)
        n += 1
        await sleep(0.1)

# Stands for a signal handler (Ctrl-C, SIGTERM): asks for the shutdown at t=1.05 s.
async fn signal_after(secs: Float):
    await sleep(secs)
    print(f"signal: shutdown requested (t={monotonic():.2f}s)")
    shutdown.set()

async fn main():
    let jobs = Channel[Int]::with_capacity(10)
    var tasks = List[Task]()
    tasks.append(spawn(feeder(jobs), name="feeder"))
    for id in range(1, 4):
        tasks.append(spawn(worker(id, jobs), name=f"worker-{id}"))
    spawn(signal_after(1.05))

    await shutdown.wait()
    # 1. stop taking work; 2. cancel everything still running; 3. await it all.
    jobs.close()
    for t in tasks:
        t.cancel()
    for t in tasks:
        match await t.catch():
            case Ok(_):
                print(f"{t.name()}: ended")
            case Err(e):
                print(f"{t.name()}: {e}")
    print(f"all tasks stopped, jobs left in the queue: {len(jobs)}; exiting cleanly")
