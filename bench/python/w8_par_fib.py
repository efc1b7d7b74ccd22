# W8 par_fib: 8 asyncio Tasks each computing fib(27); await in order, sum.
# asyncio Tasks share one thread, so this runs the 8 computations one after another;
# see w8_par_fib_pool.py for the ProcessPoolExecutor(2) variant.
import asyncio
from benchlib import quick, run

ARG = quick(27, 15)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


async def task(n):
    return fib(n)


async def main():
    handles = [asyncio.create_task(task(ARG)) for _ in range(8)]
    total = 0
    for h in handles:
        total += await h
    print(total)


run(main)
