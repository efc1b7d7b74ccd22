# args: --workers 1 --virtual-time
# Checks cooperative cancellation: a task cancelled while it sleeps gets CancelledError at that
# await (the code after it never runs) and its finally block runs at the time of the cancel.
let t0 = monotonic()

async fn download(name: String) -> Int:
    try:
        print(name, "begins")
        await sleep(60.0)
        print("WRONG: ran past the cancelled sleep")
        return 0
    finally:
        print(name, f"finally at {monotonic() - t0:.1f}")

async fn main():
    let t = spawn(download("dl"))
    await sleep(2.5)
    print("cancel now")
    t.cancel()
    try:
        await t
    except CancelledError as e:
        pass
    print("main goes on")
# expect: dl begins
# expect: cancel now
# expect: dl finally at 2.5
# expect: main goes on
