# The guide, chapter 06 "Async Programming", section 7.2 "Executor".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# the `async { … }` block written as a nested `async fn` that is called, and
# the helper `some_work` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s7_2_executor.mojo

from async import Executor

# Helper assumed by the guide: a little work, on the executor's own workers.
async fn some_work() -> Int:
    print("some_work: started")
    await sleep(0.1)
    var total = 0
    for i in range(1000):
        total += i
    print(f"some_work: done, total {total}")
    return total

# ---- The guide's code ------------------------------------------------------

fn main():
    # Create executor with 4 threads
    let executor = Executor::new(4)
    
    # Spawn tasks
    async fn async_block():
        await some_work()
    let handle = executor.spawn(async_block())
    
    # Block until complete
    let result = handle.await()
    
    # Shutdown executor
    executor.shutdown()
