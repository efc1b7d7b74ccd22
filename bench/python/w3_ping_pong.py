# W3 ping_pong: two Tasks, two asyncio.Queue(maxsize=1) channels, each hop adds 1.
import asyncio
from benchlib import quick, run

ROUNDS = quick(500_000, 5_000)


async def ping(a_to_b, b_to_a):
    v = 0
    for _ in range(ROUNDS):
        await a_to_b.put(v + 1)
        v = await b_to_a.get()
    return v


async def pong(a_to_b, b_to_a):
    for _ in range(ROUNDS):
        v = await a_to_b.get()
        await b_to_a.put(v + 1)


async def main():
    a_to_b = asyncio.Queue(maxsize=1)
    b_to_a = asyncio.Queue(maxsize=1)
    a = asyncio.create_task(ping(a_to_b, b_to_a))
    b = asyncio.create_task(pong(a_to_b, b_to_a))
    v = await a
    await b
    print(v)


run(main)
