# args: --workers 1 --virtual-time
# Checks `async for` over a channel: it takes each value as it is sent and ends once the
# channel is closed and drained, including values buffered before the close.
async fn letters(out: Channel[String]):
    for c in "mojo":
        await out.send(c)
        await sleep(0.2)
    out.close()

async fn main():
    let ch = Channel[String]()
    spawn(letters(ch.clone()))
    var word = ""
    async for c in ch:
        word += c
    print(word)
    let b = Channel[Int]::with_capacity(3)
    b.try_send(1)
    b.try_send(2)
    b.close()
    async for v in b:
        print("buffered", v)
    print("loop ended")
# expect: mojo
# expect: buffered 1
# expect: buffered 2
# expect: loop ended
