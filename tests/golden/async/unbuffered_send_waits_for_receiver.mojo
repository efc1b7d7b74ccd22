# args: --workers 1 --virtual-time
# Checks the rendezvous of an unbuffered channel: each send completes only when the receiver
# takes the value (the receiver takes one at 1 s, 3 s and 5 s), values arrive in order, and
# len() and capacity() are 0.
async fn slow_taker(ch: Channel[String]) -> List[String]:
    var got = []
    await sleep(1.0)
    for _ in range(3):
        let v = (await ch.recv()).unwrap()
        got.append(f"{v}@{monotonic():.0f}")
        await sleep(2.0)
    return got

async fn main():
    let ch = Channel[String]()
    let taker = spawn(slow_taker(ch.clone()))
    var sent = []
    for word in ["red", "green", "blue"]:
        await ch.send(word)
        sent.append(f"{word}@{monotonic():.0f}")
    print("sent", sent)
    print("taken", await taker)
    print(len(ch), ch.capacity())
# expect: sent ['red@1', 'green@3', 'blue@5']
# expect: taken ['red@1', 'green@3', 'blue@5']
# expect: 0 0
