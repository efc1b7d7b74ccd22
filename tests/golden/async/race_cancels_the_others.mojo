# args: --workers 1 --virtual-time
# Checks that race() cancels the members that did not finish first: each gets CancelledError
# at the await it was suspended on.
let stopped = Channel[String]::with_capacity(8)

async fn contender(name: String, secs: Float) -> String:
    try:
        await sleep(secs)
    except CancelledError as e:
        stopped.try_send(name)
        raise e
    return name

async fn main():
    let (i, w) = await race([contender("red", 3.0), contender("blue", 1.0), contender("green", 5.0)])
    print("winner", i, w)
    await sleep(0.1)
    var losers = []
    while let Some(n) = stopped.try_recv():
        losers.append(n)
    print("cancelled", sorted(losers))
# expect: winner 1 blue
# expect: cancelled ['green', 'red']
