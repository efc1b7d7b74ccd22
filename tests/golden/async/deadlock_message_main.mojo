# args: --workers 1 --virtual-time
# Checks the DeadlockError headline and that main's wait site and the awaited operation are named.
async fn main():
    let ch = Channel[Int]()
    await ch.recv()
# expect runtime error: error: DeadlockError: every task is blocked and nothing can wake them:
