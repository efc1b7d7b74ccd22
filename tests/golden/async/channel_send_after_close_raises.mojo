# Checks that sending on a closed channel raises ChannelClosed, while a value buffered before
# the close is still received, then None.
async fn main():
    let ch = Channel[String]::with_capacity(2)
    await ch.send("kept")
    ch.close()
    try:
        await ch.send("late")
        print("WRONG: send after close")
    except ChannelClosed as e:
        print("send raised", e.kind)
    print(await ch.recv(), await ch.recv())
# expect: send raised ChannelClosed
# expect: Some('kept') None
