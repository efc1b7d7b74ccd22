# args: --workers 1
# Checks that task.await() inside a callback run by a builtin (a sort key) is a clear error, not a hang.
async fn one() -> Int:
    return 1

fn key(x: Int) -> Int:
    let t = spawn(one())
    return t.await()

fn main():
    print(sorted([3, 1, 2], key=key))
# expect runtime error: cannot wait here
