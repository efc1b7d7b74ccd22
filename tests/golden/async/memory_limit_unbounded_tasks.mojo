# args: --max-memory 64M
# Tasks spawned without bound (each waiting on the next) end with a MemoryError.
async fn chain(n: Int) -> Int:
    return await spawn(chain(n + 1))

print(await chain(0))
# expect runtime error: error: MemoryError: out of memory: the program uses more than 64.0 MiB
