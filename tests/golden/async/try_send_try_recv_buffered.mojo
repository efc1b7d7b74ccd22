# Checks try_send/try_recv on a buffered channel never wait: try_recv gives None when empty,
# try_send gives True while there is room and False once full; values come out in order.
async fn main():
    let ch = Channel[String]::with_capacity(2)
    print(ch.try_recv())
    print(ch.try_send("p"), ch.try_send("q"), ch.try_send("r"))
    print(len(ch))
    print(ch.try_recv(), ch.try_recv(), ch.try_recv())
# expect: None
# expect: True True False
# expect: 2
# expect: Some('p') Some('q') None
