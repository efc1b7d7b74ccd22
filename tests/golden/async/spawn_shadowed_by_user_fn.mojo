# Checks that a global function named `spawn` is the one `spawn(g())` calls (the
# builtin's direct spawning of a global async fn does not apply to it).
async fn g() -> Int:
    return 1

fn spawn(x: Int) -> Int:
    return 99

async fn main():
    print("before")
    print(spawn(g()))
# expect: before
# expect runtime error: argument `x` of `spawn` must be Int, got Coroutine
