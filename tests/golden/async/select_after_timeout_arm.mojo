# args: --workers 1 --virtual-time
# Checks after(secs) as a one-shot timeout arm of select(): it yields () once after `secs` when
# nothing else is ready first, and loses to a channel that gets a value before it fires.
let t0 = monotonic()

async fn send_at(ch: Channel[Int], v: Int, secs: Float):
    await sleep(secs)
    await ch.send(v)

async fn main():
    let ch = Channel[Int]()
    spawn(send_at(ch.clone(), 77, 3.0))
    match await select([ch, after(1.0)]):
        case 0, v:
            print("WRONG value first", v)
        case 1, u:
            print(f"after fired at {monotonic() - t0:.1f} with {u}")
    match await select([ch, after(10.0)]):
        case 0, v:
            print(f"value {v} at {monotonic() - t0:.1f}")
        case 1, _:
            print("WRONG: timeout fired")
# expect: after fired at 1.0 with ()
# expect: value 77 at 3.0
