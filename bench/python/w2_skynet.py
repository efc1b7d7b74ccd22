# W2 skynet: 1,111,111 asyncio Tasks in a tree of fan-out 10.
import asyncio
from benchlib import quick, run

SIZE = quick(1_000_000, 10_000)


async def skynet(num, size, div):
    if size == 1:
        return num
    sub = size // div
    children = [asyncio.create_task(skynet(num + i * sub, sub, div)) for i in range(div)]
    total = 0
    for c in children:
        total += await c
    return total


async def main():
    print(await skynet(0, SIZE, 10))


run(main)
