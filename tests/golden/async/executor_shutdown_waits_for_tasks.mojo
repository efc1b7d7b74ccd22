# Checks that Executor.shutdown() waits for the tasks spawned on it: right after it returns the
# task is done and its value is there.
async fn slow_sum(xs: List[Int]) -> Int:
    await sleep(0.05)
    return sum(xs)

fn main():
    let ex = Executor(2)
    let h = ex.spawn(slow_sum([4, 5, 6]))
    ex.shutdown()
    print(h.is_done(), h.await())
# expect: True 15
