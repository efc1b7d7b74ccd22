# Checks the channel operations that complete at once without leaving the interpreter's
# hot loop: a buffered receive followed by `let m = ...` and a `match`, a receive through
# an inlined helper, a receive and a send on a struct's field, a send whose value has the
# wrong type (a clear error, nothing sent), and a closed, drained channel ending each loop.
async fn next_value(c: Channel[Int]) -> Optional[Int]:
    return await c.recv()

struct Box:
    var ch: Channel[Int]

    fn __init__(out self, ch: Channel[Int]):
        self.ch = ch

async fn main():
    let c = Channel[Int]::with_capacity(8)
    for i in range(5):
        await c.send(i)
    c.close()
    var seen = []
    while True:
        let m = await c.recv()
        match m:
            case Some(v):
                seen.append(v)
            case None:
                break
    print(seen)

    let d = Channel[Int]::with_capacity(8)
    for i in range(3):
        await d.send(i * 10)
    d.close()
    var total = 0
    while let Some(v) = await next_value(d):
        total += v
    print(total)

    let b = Box(Channel[Int]::with_capacity(4))
    await b.ch.send(7)
    await b.ch.send(8)
    print(await b.ch.recv(), await b.ch.recv())

    let e = Channel[Int]::with_capacity(4)
    try:
        await e.send("seven")
    except e2:
        print(e2)
    print(e.len())
# expect: [0, 1, 2, 3, 4]
# expect: 30
# expect: Some(7) Some(8)
# expect: TypeError: this channel carries Int values, not String
# expect: 0
