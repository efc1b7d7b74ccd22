# args: --workers 1 --virtual-time
# Checks Event: wait() blocks until set() (which releases every waiter), wait() on a set event
# returns at once, clear() resets it so wait() blocks again; is_set() reports the state.
async fn gate_waiter(ev: Event, passed: Atomic):
    await ev.wait()
    passed.fetch_add(1)

async fn main():
    let ev = Event()
    let passed = Atomic(0)
    print("is_set", ev.is_set())
    var ws = []
    for i in range(3):
        ws.append(spawn(gate_waiter(ev, passed)))
    await sleep(0.5)
    print("passed before set", passed.load())
    ev.set()
    for w in ws:
        await w
    print("passed after set", passed.load(), "is_set", ev.is_set())
    await ev.wait()
    print("wait on a set event returns at once")
    ev.clear()
    print("is_set after clear", ev.is_set())
    print("wait after clear", await timeout(ev.wait(), 1.0))
# expect: is_set False
# expect: passed before set 0
# expect: passed after set 3 is_set True
# expect: wait on a set event returns at once
# expect: is_set after clear False
# expect: wait after clear Err(TimeoutError: timed out after 1.0s)
