# args: --workers 1 --virtual-time
# Checks that a task looping forever on `await yield_now()` (never sleeping) can be cancelled:
# the CancelledError arrives at one of its yields.
async fn spinner(turns: Atomic):
    while True:
        turns.fetch_add(1)
        await yield_now()

async fn main():
    let turns = Atomic(0)
    let s = spawn(spinner(turns))
    while turns.load() == 0:
        await yield_now()
    s.cancel()
    try:
        await s
        print("WRONG: spinner returned")
    except CancelledError as e:
        print("spinner cancelled at a yield")
# expect: spinner cancelled at a yield
