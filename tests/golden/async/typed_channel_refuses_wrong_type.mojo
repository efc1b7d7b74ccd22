# Checks that a typed channel checks each value sent: Channel[String] refuses an Int on send
# and a List on try_send with TypeError, and the accepted values still flow.
def untyped(x):
    return x

async fn main():
    let ch = Channel[String]::with_capacity(4)
    await ch.send("one")
    try:
        await ch.send(untyped(2))
        print("WRONG: sent an Int")
    except TypeError as e:
        print("send refused:", e.kind)
    try:
        ch.try_send(untyped([3]))
        print("WRONG: try_sent a List")
    except TypeError as e:
        print("try_send refused:", e.kind)
    print(ch.try_send("four"), len(ch))
    print(await ch.recv(), await ch.recv())
# expect: send refused: TypeError
# expect: try_send refused: TypeError
# expect: True 2
# expect: Some('one') Some('four')
