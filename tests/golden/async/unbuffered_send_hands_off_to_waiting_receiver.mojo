# args: --workers 1
# An unbuffered send that finds a receiver already waiting hands the value over and
# completes at once (as in Go): the sender runs on before the receiver is scheduled.
async fn receiver(ch: Channel[Int]):
    let v = (await ch.recv()).unwrap()
    print("received", v)

async fn main():
    let ch = Channel[Int]()
    let r = spawn(receiver(ch))
    await yield_now()            # the receiver now waits in recv()
    await ch.send(7)
    print("send completed")
    print(ch.try_send(8))        # nobody waits any more: try_send fails
    await r
# expect: send completed
# expect: False
# expect: received 7
