# Form: unbuffered channels `Channel[Int]()` for the ring and for `done`; otherwise
# the tuned program.
# W4 thread_ring: 503 tasks in a ring of channels; a token starting at 2,000,000 is
# passed on and decremented; the task that receives 0 prints its 1-based id.
# BENCH_QUICK=1: token 10,000 (expected 444).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let TOKEN = size(2_000_000, 10_000)
let RING = 503

async fn member(id: Int, inbox: Channel[Int], next: Channel[Int], done: Channel[Int]):
    while True:
        let t = (await inbox.recv()).unwrap()
        if t == 0:
            print(id)
            await done.send(id)
            return
        await next.send(t - 1)

async fn main():
    var inboxes = []
    for _ in range(RING):
        inboxes.append(Channel[Int]())
    let done = Channel[Int]()
    for k in range(RING):
        spawn(member(k + 1, inboxes[k], inboxes[(k + 1) % RING], done))
    await inboxes[0].send(TOKEN)
    await done.recv()
