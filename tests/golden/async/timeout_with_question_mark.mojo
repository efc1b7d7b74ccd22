# args: --workers 1 --virtual-time
# Checks `await timeout(op, secs)?`: the `?` applies to the awaited Result, unwrapping Ok and
# returning the TimeoutError from the enclosing function at once.
async fn produce(secs: Float) -> String:
    await sleep(secs)
    return "done"

async fn within_a_second(secs: Float) -> Result[String, Error]:
    let v = await timeout(produce(secs), 1.0)?
    print("unwrapped", v)
    return Ok(v + "!")

async fn main():
    print(await within_a_second(0.5))
    let r = await within_a_second(4.0)
    print(r.is_err())
    if let Err(e) = r:
        print(e.kind)
# expect: unwrapped done
# expect: Ok('done!')
# expect: True
# expect: TimeoutError
