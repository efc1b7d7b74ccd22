# args: --workers 1 --virtual-time
# Checks a buffered channel: sends complete at once while there is room; the send that finds it
# full waits until a receiver frees a slot; values come out first in, first out.
async fn take_one_later(ch: Channel[Int]) -> Int:
    await sleep(0.8)
    return (await ch.recv()).unwrap()

async fn main():
    let ch = Channel[Int]::with_capacity(3)
    let t0 = monotonic()
    for v in [10, 20, 30]:
        await ch.send(v)
    print("three sends at", f"{monotonic() - t0:.1f}", "len", len(ch))
    let taker = spawn(take_one_later(ch.clone()))
    await ch.send(40)
    print("fourth send at", f"{monotonic() - t0:.1f}")
    print("taker got", await taker)
    var rest = []
    while let Some(v) = ch.try_recv():
        rest.append(v)
    print(rest)
# expect: three sends at 0.0 len 3
# expect: fourth send at 0.8
# expect: taker got 10
# expect: [20, 30, 40]
