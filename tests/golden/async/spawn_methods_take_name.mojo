# args: --workers 1
# `tg.spawn(coro, name=…)` and `executor.spawn(coro, name=…)` name their task, as the
# builtin `spawn` does; a keyword a method does not take is a TypeError.
async fn one() -> Int:
    return 1

async fn main():
    async with TaskGroup() as tg:
        let t = tg.spawn(one(), name="custom")
        print(t.name())
    let pool = Executor(1)
    let u = pool.spawn(one(), name="pooled")
    print(u.name(), await u)
    pool.shutdown()
    try:
        async with TaskGroup() as tg:
            tg.spawn(one(), bogus=3)
    except TypeError as e:
        print(e)
    let ch = Channel[Int]::with_capacity(1)
    try:
        await ch.send(1, block=False)
    except TypeError as e:
        print(e)
# expect: custom
# expect: pooled 1
# expect: TypeError: TaskGroup.spawn() got an unexpected keyword argument `bogus`
# expect: TypeError: Channel.send() got an unexpected keyword argument `block`
