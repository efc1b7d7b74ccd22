# args: --workers 1 --virtual-time
# Checks that awaiting (without catch()) a task that panicked re-raises the panic in the
# awaiter: `except` there does not catch it either, and the program ends with exit status 1.
async fn doomed() -> Int:
    await sleep(0.2)
    panic("worker gave up")

async fn main():
    let t = spawn(doomed())
    print("awaiting")
    try:
        print("WRONG", await t)
    except e:
        print("WRONG: except caught a panic", e)
    print("WRONG: main went on")
# expect: awaiting
# expect runtime error: worker gave up
