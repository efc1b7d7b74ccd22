# Pattern: fan CPU-bound work out over every core, then combine the parts.
# From the seeds: 002 "Multiprocessing (True Parallelism)" (ProcessPoolExecutor
# for cpu_intensive), 004 §4 and §6 (process pools bypass the GIL), 003
# "CPU-bound speedups".
#
#   mojolite run examples/patterns/cpu_fanout.mojo            # the results
#   mojolite run examples/patterns/cpu_fanout.mojo timings    # and the speed-up
#
# Python needs processes for this (the GIL lets one thread compute at a
# time), and their arguments must be picklable. mojolite tasks run in
# parallel on all the workers (one per core by default, `--workers N` to
# choose): plain `spawn` is enough, and any value can be sent. With
# `timings`, the program prints how much faster the fan-out is than one task
# doing all the work: about the number of cores (less on a busy machine).

let N = 3_000_000
let PARTS = 16

# The CPU-bound work: a checksum over [lo, hi).
fn checksum(lo: Int, hi: Int) -> Int:
    var total = 0
    for i in range(lo, hi):
        total = (total + i * i) % 1_000_000_007
    return total

async fn part(lo: Int, hi: Int) -> Int:
    return checksum(lo, hi)

async fn main():
    let t0 = monotonic()
    let whole = checksum(0, N)
    let sequential = monotonic() - t0

    # Fan out: PARTS tasks, each on a slice; the workers share them out.
    let t1 = monotonic()
    var tasks = List[Task[Int]]()
    let step = N // PARTS
    for p in range(PARTS):
        let hi = N if p == PARTS - 1 else (p + 1) * step
        tasks.append(spawn(part(p * step, hi)))
    # Fan in: combine the parts.
    var total = 0
    for t in tasks:
        total = (total + await t) % 1_000_000_007
    let parallel = monotonic() - t1

    print(f"{PARTS} parts over {N} numbers: checksum {total}")
    print("same as one task doing it all:", total == whole)
    if len(argv) > 1 and argv[1] == "timings":
        print(f"one task: {sequential:.2f} s; fanned out: {parallel:.2f} s; speed-up {sequential / parallel:.1f}x")
