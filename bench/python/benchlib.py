"""Shared helpers for the CPython peers of bench/.

- quick(full, small): the problem size; `small` when BENCH_QUICK=1 is set.
- run(main): runs the coroutine function `main` on asyncio's default event loop, or on
  uvloop's when the program is started with the `--uvloop` flag (bench/run does this
  with the interpreter of bench/.venv, where uvloop is installed).
"""
import asyncio
import os
import sys

QUICK = os.environ.get("BENCH_QUICK") == "1"
UVLOOP = "--uvloop" in sys.argv[1:]


def quick(full, small):
    return small if QUICK else full


def run(main):
    if UVLOOP:
        import uvloop

        return uvloop.run(main())
    return asyncio.run(main())
