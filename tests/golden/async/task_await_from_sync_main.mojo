# args: --workers 1 --virtual-time
# Checks that a sync `main` can spawn a task and wait for it with task.await(), also from a
# sync helper it calls, and that is_done() is False before and True after the wait.
async fn triple(n: Int) -> Int:
    await sleep(2.0)
    return n * 3

fn collect(t: Task[Int]) -> Int:
    return t.await()

fn main():
    let first = spawn(triple(7))
    print("done yet?", first.is_done())
    let v = first.await()
    print("value", v, "done now?", first.is_done())
    print("via helper", collect(spawn(triple(4))))
# expect: done yet? False
# expect: value 21 done now? True
# expect: via helper 12
