# Checks that calling an async fn only builds a coroutine: its body does not start, not even
# while the caller yields, until the coroutine is awaited; `await f(x)` runs it in place.
async fn greet(who: String) -> String:
    print("greet body runs for", who)
    return "hello " + who

async fn main():
    let pending = greet("ann")
    print("coroutine built")
    await yield_now()
    await sleep(0)
    print("now awaiting it")
    print(await pending)
    print(await greet("bo"))
# expect: coroutine built
# expect: now awaiting it
# expect: greet body runs for ann
# expect: hello ann
# expect: greet body runs for bo
# expect: hello bo
