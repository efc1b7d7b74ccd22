# W8 par_fib, pool variant: the 8 fib(27) computations run on
# concurrent.futures.ProcessPoolExecutor(2), awaited in order through
# loop.run_in_executor.
import asyncio
from concurrent.futures import ProcessPoolExecutor
from benchlib import quick, run

ARG = quick(27, 15)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(2) as pool:
        futures = [loop.run_in_executor(pool, fib, ARG) for _ in range(8)]
        total = 0
        for f in futures:
            total += await f
    print(total)


if __name__ == "__main__":
    run(main)
