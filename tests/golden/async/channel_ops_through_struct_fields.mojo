# args: --workers 1
# Channel operations on channels held in struct fields (`await self.inbox.recv()`),
# nested fields included: values, end of stream and a send on a closed channel.
struct Pipe:
    var inbox: Channel[Int]
    var outbox: Channel[Int]

struct Stage:
    var pipe: Pipe

    async fn run(self):
        while let Some(v) = await self.pipe.inbox.recv():
            await self.pipe.outbox.send(v + 100)
        self.pipe.outbox.close()

async fn main():
    let stage = Stage(Pipe(Channel[Int]::with_capacity(4), Channel[Int]()))
    let t = spawn(stage.run())
    for i in range(3):
        await stage.pipe.inbox.send(i)
    stage.pipe.inbox.close()
    async for v in stage.pipe.outbox:
        print(v)
    await t
    try:
        await stage.pipe.inbox.send(9)
    except ChannelClosed as e:
        print(e)
# expect: 100
# expect: 101
# expect: 102
# expect: ChannelClosed: send on a closed channel
