# args: --workers 1 --virtual-time
# Pattern: completion order is not start order; when order matters, put each
# result in its own slot (or let `join` keep the input order).
# From the seeds: 004 §2 "Nondeterministic ordering" (N coroutines append
# after a random sleep; writing to fixed indices under a lock is deterministic).
#
#   mojolite run examples/patterns/ordering.mojo
#
# The random delays come from a fixed seed, and `--virtual-time` makes the
# sleeps exact, so this program prints the same every time; with real time
# and other delays the "append" order would change from run to run.

let N = 8

# The nondeterministic way: append to a shared list when done.
async fn append_when_done(id: Int, delay: Float, log: Shared, lock: Lock):
    await sleep(delay)
    async with lock:
        var xs = log.get()
        xs.append(id)
        log.set(xs)

# The deterministic way: write to slot `id`, whatever the finishing order.
async fn write_slot(id: Int, delay: Float, slots: Shared, lock: Lock):
    await sleep(delay)
    async with lock:
        var xs = slots.get()
        xs[id] = id * id
        slots.set(xs)

async fn square(id: Int, delay: Float) -> Int:
    await sleep(delay)
    return id * id

async fn main():
    random.seed(7)
    var delays = List[Float]()
    var ms = List[Int]()
    for _ in range(N):
        let d = random.int(1, 100)
        ms.append(d)
        delays.append(d / 1000)
    print("task delays (ms):            ", ms)

    let lock = Lock()
    let log = Shared(List[Int]())
    await join([append_when_done(id, delays[id], log, lock) for id in range(N)])
    print("appended in completion order:", log.get())

    let slots = Shared([0] * N)
    await join([write_slot(id, delays[id], slots, lock) for id in range(N)])
    print("written to fixed slots:      ", slots.get())

    # `join` does the same: values in input order, not completion order.
    print("join:                        ", await join([square(id, delays[id]) for id in range(N)]))
