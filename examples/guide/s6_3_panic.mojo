# The guide, chapter 06 "Async Programming", section 6.3 "Panic in Async".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# and the helper `compute` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s6_3_panic.mojo

# Helper assumed by the guide: a computation that goes wrong, so that
# `might_panic` panics and `main` sees the panic through `handle.catch()`.
async fn compute() -> Int:
    await sleep(0.01)
    return -1

# ---- The guide's code ------------------------------------------------------

async fn might_panic():
    let value = await compute()
    if value < 0:
        panic("Unexpected negative value")
    return value

# Panics propagate to the spawning task
async fn main():
    let handle = spawn(might_panic())
    
    match await handle.catch():
        case Ok(result):
            print(f"Success: {result}")
        case Err(panic_msg):
            print(f"Task panicked: {panic_msg}")
