# Checks that select() still delivers values buffered in a channel before it was closed, and
# only then treats it as closed.
async fn main():
    let bq = Channel[Int]::with_capacity(3)
    bq.try_send(4)
    bq.try_send(5)
    bq.close()
    let other = Channel[Int]()
    other.close()
    print(await select([other, bq]), await select([bq, other]))
    try:
        print("WRONG", await select([other, bq]))
    except ChannelClosed as e:
        print("then", e.kind)
# expect: (1, 4) (0, 5)
# expect: then ChannelClosed
