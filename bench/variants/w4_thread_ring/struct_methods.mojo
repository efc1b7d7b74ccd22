# Form: a struct `Member` holding its id and channels, with an async method `run`;
# capacity-1 channels; otherwise the tuned loop.
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

struct Member:
    var id: Int
    var inbox: Channel[Int]
    var next: Channel[Int]
    var done: Channel[Int]

    async fn run(self):
        while True:
            let t = (await self.inbox.recv()).unwrap()
            if t == 0:
                print(self.id)
                await self.done.send(self.id)
                return
            await self.next.send(t - 1)

async fn main():
    var inboxes = []
    for _ in range(RING):
        inboxes.append(Channel[Int]::with_capacity(1))
    let done = Channel[Int]::with_capacity(1)
    for k in range(RING):
        let m = Member(k + 1, inboxes[k], inboxes[(k + 1) % RING], done)
        spawn(m.run())
    await inboxes[0].send(TOKEN)
    await done.recv()
