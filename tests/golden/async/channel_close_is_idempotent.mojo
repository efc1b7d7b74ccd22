# Checks that closing a channel again is harmless: no error, buffered values still drain, and
# receives after that give None.
async fn main():
    let ch = Channel[Int]::with_capacity(2)
    ch.try_send(5)
    ch.close()
    ch.close()
    ch.close()
    print(ch.try_recv(), ch.try_recv(), await ch.recv())
# expect: Some(5) None None
