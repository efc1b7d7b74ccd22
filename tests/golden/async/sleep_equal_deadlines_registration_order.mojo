# args: --workers 1 --virtual-time
# Checks that on one worker, sleepers with the same deadline wake in the order they started
# sleeping (FIFO), even when the clock jumps straight to that deadline.
async fn napper(tag: String):
    await sleep(4.0)
    print(tag, monotonic())

async fn main():
    let a = spawn(napper("first"))
    let b = spawn(napper("second"))
    let c = spawn(napper("third"))
    await c
    await a
    await b
# expect: first 4.0
# expect: second 4.0
# expect: third 4.0
