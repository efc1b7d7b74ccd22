# W5 sleep_many: 100,000 Tasks each asyncio.sleep(1.0) and return 1; await in order, sum.
import asyncio
from benchlib import quick, run

N = quick(100_000, 1_000)
SECS = quick(1.0, 0.1)


async def sleeper():
    await asyncio.sleep(SECS)
    return 1


async def main():
    handles = [asyncio.create_task(sleeper()) for _ in range(N)]
    total = 0
    for h in handles:
        total += await h
    print(total)


run(main)
