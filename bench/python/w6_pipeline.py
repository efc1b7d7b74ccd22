# W6 pipeline: producer -> Queue(1024) -> 4 workers (v*v) -> Queue(1024) -> collector.
# asyncio.Queue cannot be closed in 3.11: end-of-stream is one None sentinel per worker
# on c1, and one None on c2 once all 4 workers have finished. Python ints are exact.
import asyncio
from benchlib import quick, run

N = quick(1_000_000, 10_000)
WORKERS = 4


async def producer(c1):
    for v in range(1, N + 1):
        await c1.put(v)
    for _ in range(WORKERS):
        await c1.put(None)


async def worker(c1, c2):
    while True:
        v = await c1.get()
        if v is None:
            return
        await c2.put(v * v)


async def collector(c2):
    total = 0
    while True:
        v = await c2.get()
        if v is None:
            return total
        total += v


async def main():
    c1 = asyncio.Queue(maxsize=1024)
    c2 = asyncio.Queue(maxsize=1024)
    p = asyncio.create_task(producer(c1))
    workers = [asyncio.create_task(worker(c1, c2)) for _ in range(WORKERS)]
    c = asyncio.create_task(collector(c2))
    await p
    for w in workers:
        await w
    await c2.put(None)
    print(await c)


run(main)
