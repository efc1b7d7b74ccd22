# An unbuffered send completes only once its value is taken: two senders
# offer values to one `select` over two unbuffered channels at the same
# time, the select takes one and stops receiving. The other send must not
# have completed (its value would be lost: nobody will ever receive it);
# it ends with ChannelClosed when its channel closes. Each round also
# checks that exactly the value the select returned was the one sent.

async fn sender(ch: Channel[Int], v: Int, done: Atomic):
    try:
        await ch.send(v)
        done.fetch_add(1)
    except ChannelClosed:
        pass

async fn one_round() -> Bool:
    let a = Channel[Int]()
    let b = Channel[Int]()
    let done = Atomic(0)
    let receiver = spawn(select([a, b]))
    await sleep(0)
    let sa = spawn(sender(a, 1, done))
    let sb = spawn(sender(b, 2, done))
    let got = await receiver
    await sleep(0.002)
    let completed = done.load()
    a.close()
    b.close()
    await sa
    await sb
    if completed != 1:
        print(f"WRONG: select took {got} but {completed} sends completed")
        return False
    return True

async fn main():
    let rounds = int(env.get("STRESS_N").unwrap_or("200"))
    var ok = True
    for i in range(rounds):
        if not await one_round():
            ok = False
    if ok:
        print("ok")
