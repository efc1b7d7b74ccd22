# args: --workers 1 --virtual-time
# order: fixed
# The guide, chapter 06 "Async Programming", section 4.4 "Channel Patterns".
# Ported with only the edits of the guide edits of examples/README.md: the helpers `producer` and
# `consumer` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s4_4_channel_patterns.mojo
#
# The snippet defines `fan_out` and `fan_in` but no `main`; the `main` at the
# end, not from the guide, runs each and lets the tasks work for a while.
# Which consumer gets which value depends on scheduling: the output is pinned
# with `--workers 1` only.

# Helpers assumed by the guide. The guide calls `producer(ch)` and
# `producer(ch, id)`, `consumer(ch)` and `consumer(ch, id)`. A producer sends
# three values (tagged with its id) and does not close the channel, which
# other producers share; a consumer receives until the program ends.
async fn producer(ch: Channel[Int], id: Int = 0):
    for i in range(3):
        let value = id * 100 + i
        print(f"producer {id} sends {value}")
        await ch.send(value)
        await sleep(0.1)

async fn consumer(ch: Channel[Int], id: Int = 0):
    while let Some(value) = await ch.recv():
        print(f"consumer {id} got {value}")

# ---- The guide's code ------------------------------------------------------

# Fan-out: One producer, multiple consumers
async fn fan_out():
    let ch = Channel[Int]::new()
    
    spawn(producer(ch.clone()))
    spawn(consumer(ch.clone(), 1))
    spawn(consumer(ch.clone(), 2))
    spawn(consumer(ch.clone(), 3))

# Fan-in: Multiple producers, one consumer
async fn fan_in():
    let ch = Channel[Int]::new()
    
    spawn(producer(ch.clone(), 1))
    spawn(producer(ch.clone(), 2))
    spawn(producer(ch.clone(), 3))
    spawn(consumer(ch))

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    print("fan_out:")
    await fan_out()
    await sleep(1.0)
    print("fan_in:")
    await fan_in()
    await sleep(1.0)
