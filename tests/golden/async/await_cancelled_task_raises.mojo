# args: --workers 1 --virtual-time
# Checks that awaiting a cancelled task raises CancelledError, that the task is then done, and
# that catch() on it gives Err(CancelledError) instead of raising.
async fn idle() -> Int:
    await sleep(100.0)
    return 5

async fn main():
    let t = spawn(idle())
    await sleep(0.5)
    t.cancel()
    try:
        print("WRONG", await t)
    except CancelledError as e:
        print("await raised", e.kind)
    print("is_done", t.is_done())
    match await t.catch():
        case Err(e):
            print("catch gave Err", e.kind)
        case Ok(v):
            print("WRONG", v)
# expect: await raised CancelledError
# expect: is_done True
# expect: catch gave Err CancelledError
