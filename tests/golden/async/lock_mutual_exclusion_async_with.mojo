# args: --workers 1 --virtual-time
# Checks that `async with lock:` gives mutual exclusion: four tasks each hold the Lock for 1 s,
# never two inside at once, so all are done after 4 s.
async fn critical(lock: Lock, inside: Atomic, peak: Atomic):
    async with lock:
        inside.fetch_add(1)
        let now = inside.load()
        if now > peak.load():
            peak.store(now)
        await sleep(1.0)
        inside.fetch_add(-1)

async fn main():
    let t0 = monotonic()
    let lock = Lock()
    let inside = Atomic(0)
    let peak = Atomic(0)
    var ts = []
    for i in range(4):
        ts.append(spawn(critical(lock, inside, peak)))
    for t in ts:
        await t
    print("most inside at once:", peak.load(), f"done at {monotonic() - t0:.1f}")
# expect: most inside at once: 1 done at 4.0
