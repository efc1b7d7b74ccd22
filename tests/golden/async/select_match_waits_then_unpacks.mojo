# args: --workers 1 --virtual-time
# Checks `match await select([...])` both when a value is ready at once and when the
# select has to wait: tuple patterns see (index, value), other patterns the tuple, and
# a select over something that is not a channel is a TypeError. The same from top-level
# code, and with the channels in a list variable.
async fn later(ch: Channel[String], secs: Float, v: String):
    await sleep(secs)
    await ch.send(v)

async fn pick(a: Channel[String], b: Channel[String]) -> String:
    match await select([a, b]):
        case (0, v):
            return f"a:{v}"
        case (1, "stop"):
            return "b said stop"
        case other:
            return f"other {other}"

async fn main():
    let a = Channel[String]::with_capacity(4)
    let b = Channel[String]::with_capacity(4)
    await a.send("ready")
    print(await pick(a, b))
    spawn(later(b, 0.5, "stop"))
    print(await pick(a, b))
    spawn(later(b, 0.5, "late"))
    print(await pick(a, b))
    let chans = [a, b]
    spawn(later(a, 0.5, "via list"))
    match await select(chans):
        case (i, v):
            print(i, v)
    let n = 3
    try:
        match await select([a, n]):
            case _:
                print("WRONG")
    except TypeError as e:
        print("TypeError:", e.message)
    a.close()
    b.close()
    try:
        match await select([a, b]):
            case _:
                print("WRONG")
    except ChannelClosed:
        print("all closed")

let top = Channel[Int]::with_capacity(1)
await top.send(7)
match await select([top]):
    case (0, v):
        print("top level", v)
# expect: top level 7
# expect: a:ready
# expect: b said stop
# expect: other (1, 'late')
# expect: 0 via list
# expect: TypeError: select() takes channels, got Int
# expect: all closed
