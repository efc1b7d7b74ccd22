# args: --workers 1
# `await g(args)` of a global async fn runs g in the awaiting task: its value, its
# errors (with the traceback through g), its suspensions and its recursion.
async fn next_or_none(c: Channel[Int]) -> Optional[Int]:
    return await c.recv()

async fn depth(n: Int) -> Int:
    if n == 0:
        await sleep(0)
        return 0
    return 1 + await depth(n - 1)

async fn boom(x: Int) -> Int:
    return 10 // x

async fn main():
    let c = Channel[Int]::with_capacity(2)
    await c.send(5)
    c.close()
    print(await next_or_none(c), await next_or_none(c))
    print(await depth(200))
    try:
        print(await boom(0))
    except ZeroDivisionError as e:
        print("caught", e)
    let co = boom(2)
    print(await co)
# expect: Some(5) None
# expect: 200
# expect: caught ZeroDivisionError: integer division by zero
# expect: 5
