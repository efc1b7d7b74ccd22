# W4 thread_ring: 503 Tasks in a ring of asyncio.Queue(maxsize=1) inboxes; the token
# 2,000,000 is passed on and decremented; the task receiving 0 prints its id.
import asyncio
from benchlib import quick, run

TOKEN = quick(2_000_000, 10_000)
RING = 503


async def member(ident, inbox, nxt, done):
    while True:
        t = await inbox.get()
        if t == 0:
            print(ident)
            done.set_result(ident)
            return
        await nxt.put(t - 1)


async def main():
    inboxes = [asyncio.Queue(maxsize=1) for _ in range(RING)]
    done = asyncio.get_running_loop().create_future()
    tasks = [
        asyncio.create_task(member(k + 1, inboxes[k], inboxes[(k + 1) % RING], done))
        for k in range(RING)
    ]
    await inboxes[0].put(TOKEN)
    await done
    for t in tasks:  # the others are abandoned: cancel them so the loop closes quietly
        t.cancel()


run(main)
