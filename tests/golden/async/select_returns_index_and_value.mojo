# args: --workers 1 --virtual-time
# Checks select() over receives: it waits for the first channel that has a value and gives
# (index, value); the channels may carry different element types.
let t0 = monotonic()

async fn deliver_int(ch: Channel[Int], v: Int, secs: Float):
    await sleep(secs)
    await ch.send(v)

async fn deliver_str(ch: Channel[String], v: String, secs: Float):
    await sleep(secs)
    await ch.send(v)

async fn main():
    let nums = Channel[Int]()
    let words = Channel[String]()
    spawn(deliver_str(words.clone(), "late word", 2.0))
    spawn(deliver_int(nums.clone(), 5, 1.0))
    spawn(deliver_int(nums.clone(), 6, 3.0))
    for _ in range(3):
        match await select([nums, words]):
            case 0, n:
                print(f"nums gave {n} at {monotonic() - t0:.1f}")
            case 1, w:
                print(f"words gave {w} at {monotonic() - t0:.1f}")
# expect: nums gave 5 at 1.0
# expect: words gave late word at 2.0
# expect: nums gave 6 at 3.0
