# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 3.1 "Futures".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped.
#
#   mojolite run examples/guide/s3_1_futures.mojo                  # takes 1 s
#   mojolite --virtual-time run examples/guide/s3_1_futures.mojo   # at once

from async import Future

async fn compute() -> Int:
    await sleep(1.0)
    return 42

fn main():
    let future: Future[Int] = compute()
    # Future hasn't started yet - lazy evaluation
    
    let handle = spawn(future)
    let result = handle.await()  # Block until complete
    print(result)  # 42
