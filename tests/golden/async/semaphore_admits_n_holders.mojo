# args: --workers 1 --virtual-time
# Checks Semaphore(n): at most n holders at a time (seven 1-second holders of Semaphore(3)
# enter in waves at 0, 1 and 2 s), and available() counts the free places.
async fn use_slot(sem: Semaphore) -> Float:
    async with sem:
        let entered = monotonic()
        await sleep(1.0)
        return entered

async fn main():
    let sem = Semaphore(3)
    print("available at start", sem.available())
    var ts = []
    for i in range(7):
        ts.append(spawn(use_slot(sem)))
    await sleep(0.5)
    print("available while busy", sem.available())
    var entries = []
    for t in ts:
        let v = await t
        entries.append(f"{v:.0f}")
    print(sorted(entries))
    print("available at end", sem.available())
# expect: available at start 3
# expect: available while busy 0
# expect: ['0', '0', '0', '1', '1', '1', '2']
# expect: available at end 3
