# W0 startup: start the interpreter and the event loop, print 0, exit.
from benchlib import run


async def main():
    print(0)


run(main)
