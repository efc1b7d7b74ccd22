# args: --workers 1 --virtual-time
# Checks value semantics across a channel: the receiver gets the value as it was when sent,
# whatever the sender does to its variable afterwards.
async fn read_later(ch: Channel[Dict[String, Int]]) -> Dict[String, Int]:
    await sleep(1.0)
    return (await ch.recv()).unwrap()

async fn main():
    let ch = Channel[Dict[String, Int]]::with_capacity(1)
    var msg = {"v": 1}
    await ch.send(msg)
    msg["v"] = 2
    msg["w"] = 3
    let r = spawn(read_later(ch.clone()))
    print(await r, msg)
# expect: {'v': 1} {'v': 2, 'w': 3}
