# args: --workers 1 --virtual-time
# order: fixed
# The guide, chapter 06 "Async Programming", section "Examples", Example 3:
# Producer-Consumer. Ported with only the edits of the guide edits of examples/README.md: none
# were needed.
#
#   mojolite run examples/guide/ex3_producer_consumer.mojo                  # takes 3 s
#   mojolite --virtual-time run examples/guide/ex3_producer_consumer.mojo   # at once
#
# Which consumer gets which value depends on scheduling: the output is pinned
# with `--workers 1` only.

from async import Channel, spawn

async fn producer(ch: Channel[Int], n: Int):
    for i in range(n):
        print(f"Producing {i}")
        await ch.send(i)
        await sleep(0.1)
    ch.close()

async fn consumer(ch: Channel[Int], id: Int):
    while True:
        match await ch.recv():
            case Some(value):
                print(f"Consumer {id} got {value}")
                await sleep(0.2)  # Simulate work
            case None:
                print(f"Consumer {id} done")
                break

async fn main():
    let ch = Channel[Int]::with_capacity(5)
    
    spawn(producer(ch.clone(), 20))
    spawn(consumer(ch.clone(), 1))
    spawn(consumer(ch.clone(), 2))
    
    await sleep(3.0)
