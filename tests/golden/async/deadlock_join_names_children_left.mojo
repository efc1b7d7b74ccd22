# args: --workers 1
# A join that can never finish names, in the DeadlockError, the children it
# still waits for and how many are done (a finished child is let go of).
async fn quick() -> Int:
    return 1

async fn stuck(c: Channel[Int]) -> Int:
    return (await c.recv()).unwrap()

async fn main():
    let c = Channel[Int]()
    let done = spawn(quick(), name="quick")
    print(await done)
    let values = await join([done, spawn(stuck(c), name="stuck")])
    print(values)
# expect: 1
# expect runtime error: (join([stuck], 1 of 2 done))
