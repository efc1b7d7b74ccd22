# Pairs of tasks ping-pong over unbuffered channels until told to stop.
# Meanwhile main spawns a task that sets the stop flag (or, with
# STRESS_BLOCKING set, waits for a run_blocking job and sets it itself): that
# task must get to run although every worker is kept busy by a ping-pong
# pair. A starved task shows up as a hang (the harness's timeout).
async fn pinger(inbox: Channel[Int], outbox: Channel[Int], stop: Atomic, rounds: Atomic):
    while stop.load() == 0:
        await outbox.send(1)
        let _ = await inbox.recv()
        rounds.fetch_add(1)
    outbox.close()

async fn ponger(inbox: Channel[Int], outbox: Channel[Int]):
    while True:
        match await inbox.recv():
            case Some(v):
                try:
                    await outbox.send(v)
                except ChannelClosed:
                    return
            case None:
                return

async fn stopper(stop: Atomic):
    stop.store(1)

fn answer() -> Int:
    return 42

async fn main():
    let pairs = int(env.get("STRESS_PAIRS").unwrap_or("2"))
    let stop = Atomic(0)
    let rounds = Atomic(0)
    var ts = []
    for i in range(pairs):
        let a = Channel[Int]()
        let b = Channel[Int]()
        ts.append(spawn(pinger(a, b, stop, rounds)))
        ts.append(spawn(ponger(b, a)))
    await sleep(0.05)
    let t0 = monotonic()
    if env.get("STRESS_BLOCKING").is_some():
        let v = await run_blocking(answer)
        stop.store(v)
    else:
        await spawn(stopper(stop))
    let waited = monotonic() - t0
    for t in ts:
        await t
    if waited > 1.0:
        print(f"WRONG: the stopper waited {waited:.2f}s to run")
    print("ok")
