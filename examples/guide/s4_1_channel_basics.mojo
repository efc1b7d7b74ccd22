# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 4.1 "Channel Basics".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped.
#
#   mojolite run examples/guide/s4_1_channel_basics.mojo                  # takes 2 s
#   mojolite --virtual-time run examples/guide/s4_1_channel_basics.mojo   # at once

from async import Channel

async fn producer(ch: Channel[Int]):
    for i in range(10):
        await ch.send(i)
        await sleep(0.1)
    ch.close()

async fn consumer(ch: Channel[Int]):
    while True:
        match await ch.recv():
            case Some(value):
                print(f"Received: {value}")
            case None:
                break  # Channel closed

async fn main():
    let ch = Channel[Int]::new()
    
    spawn(producer(ch.clone()))
    spawn(consumer(ch))
    
    await sleep(2.0)  # Let them run
