# The guide, chapter 06 "Async Programming", section 2.4 "Async Blocks".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# the `async { … }` block written as a nested `async fn` that is called, and
# the helpers `task1` and `task2` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s2_4_async_blocks.mojo

# Helpers assumed by the guide: two small async computations.
async fn task1() -> Int:
    print("task1 running")
    await sleep(0.1)
    return 20

async fn task2() -> Int:
    print("task2 running")
    await sleep(0.1)
    return 22

# ---- The guide's code ------------------------------------------------------

fn main():
    # Create async block
    async fn async_block():
        let a = await task1()
        let b = await task2()
        return a + b
    let future = async_block()
    
    # Spawn it
    let handle = spawn(future)
    let result = handle.await()
