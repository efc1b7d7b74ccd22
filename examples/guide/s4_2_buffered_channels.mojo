# The guide, chapter 06 "Async Programming", section 4.2 "Buffered Channels".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped.
# (The second top-level `let ch` shadows the first, §15 of LANGUAGE.md.)
#
#   mojolite run examples/guide/s4_2_buffered_channels.mojo
#
# The snippet defines `example` but no `main`; the `main` at the end, not
# from the guide, calls it and shows the two top-level channels.

# Unbuffered - synchronous
let ch = Channel[Int]::new()

# Buffered - can send without receiver
let ch = Channel[Int]::with_capacity(10)

async fn example():
    let ch = Channel[String]::with_capacity(5)
    
    # These don't block (buffer has space)
    await ch.send("msg1")
    await ch.send("msg2")
    await ch.send("msg3")
    
    # Receive
    let msg = await ch.recv()

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    await example()
    print("example() sent 3 messages to a buffer of 5 and received one, without waiting")
    # The top-level `ch` is the buffered one: sending needs no receiver.
    for i in range(3):
        await ch.send(i)
    print(f"top-level ch: capacity {ch.capacity()}, holding {len(ch)}")
    print("first value:", await ch.recv())
