# A buffered channel keeps FIFO order, its len() and its capacity limit while its
# buffer wraps round many times: try_send fails exactly when it is full, values come
# out in the order they went in, and values buffered before close() still arrive.
async fn main():
    let ch = Channel[Int]::with_capacity(3)
    var next_in = 0
    var next_out = 0
    var order_kept = True
    var full_refusals = 0
    for round in range(50):
        while ch.try_send(next_in):
            next_in += 1
        full_refusals += 1
        if ch.len() != 3:
            print("wrong len when full:", ch.len())
        # take two, leaving one behind, so the buffer's start moves round
        for _ in range(2):
            let v = (await ch.recv()).unwrap()
            if v != next_out:
                order_kept = False
            next_out += 1
    print("sent", next_in, "received", next_out, "in order", order_kept, "refused", full_refusals)
    print("len before close", ch.len())
    ch.close()
    print("try_send after close", ch.try_send(-1))
    var rest = []
    while let Some(v) = await ch.recv():
        rest.append(v)
    print("drained", rest, "then", await ch.recv())
# expect: sent 101 received 100 in order True refused 50
# expect: len before close 1
# expect: try_send after close False
# expect: drained [100] then None
