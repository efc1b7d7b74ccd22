# W1 spawn_join: 200,000 asyncio Tasks, task i returns i * 2; await in order, sum.
import asyncio
from benchlib import quick, run

N = quick(200_000, 2_000)


async def task(i):
    return i * 2


async def main():
    handles = [asyncio.create_task(task(i)) for i in range(N)]
    total = 0
    for h in handles:
        total += await h
    print(total)


run(main)
