# args: --workers 1 --virtual-time
# Checks try_send on an unbuffered channel: False when no receiver is waiting (the value is
# not kept), True when one is already waiting, which then gets the value.
async fn wait_for_one(ch: Channel[Int]) -> Optional[Int]:
    return await ch.recv()

async fn main():
    let ch = Channel[Int]()
    print("nobody waiting:", ch.try_send(1))
    let r = spawn(wait_for_one(ch.clone()))
    await sleep(0.2)
    print("receiver waiting:", ch.try_send(2))
    print("receiver got", await r)
    print("nobody again:", ch.try_send(3))
# expect: nobody waiting: False
# expect: receiver waiting: True
# expect: receiver got Some(2)
# expect: nobody again: False
