# args: --workers 1
# A value handed to a waiting receiver that is cancelled before it runs is not lost:
# the next receiver takes it.
async fn taker(ch: Channel[Int], label: String):
    let v = (await ch.recv()).unwrap()
    print(label, "got", v)

async fn main():
    let ch = Channel[Int]()
    let first = spawn(taker(ch, "first"))
    let second = spawn(taker(ch, "second"))
    await yield_now()            # both wait, first in line
    await ch.send(1)             # handed to `first`, which has not run yet
    first.cancel()
    await second
    match await first.catch():
        case Err(e):
            print("first:", e)
        case Ok(_):
            print("WRONG: first finished")
# expect: second got 1
# expect: first: CancelledError: task `taker` was cancelled
