# args: --workers 1 --virtual-time
# Checks that timeout() also takes a spawned task: Ok(value) when the task finishes in time,
# Err(TimeoutError) when it does not.
async fn brew(secs: Float) -> String:
    await sleep(secs)
    return "tea"

async fn main():
    let quick = spawn(brew(0.5))
    print(await timeout(quick, 3.0))
    let slow = spawn(brew(9.0))
    let r = await timeout(slow, 1.0)
    match r:
        case Err(TimeoutError):
            print("slow task timed out")
        case _:
            print("WRONG", r)
# expect: Ok('tea')
# expect: slow task timed out
