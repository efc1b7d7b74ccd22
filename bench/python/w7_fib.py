# W7 fib: plain recursive fib(30), no asyncio involved.
from benchlib import quick


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(quick(30, 20)))
