# The guide, chapter 06 "Async Programming", section 6.2 "Try-Catch in Async".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# and the helper `fallible_operation` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s6_2_try_catch.mojo
#
# The snippet defines `safe_operation` but no `main`; the `main` at the end,
# not from the guide, calls it twice: once it succeeds, once it fails.

# Helper assumed by the guide (section 6.1 has an HTTP version): succeeds on
# its first call, fails on the next ones.
let calls = Atomic(0)

async fn fallible_operation() -> Result[Data, Error]:
    await sleep(0.01)
    if calls.fetch_add(1) == 0:
        return Ok({"id": 7, "status": "ready"})
    return Err(Error("connection reset"))

# ---- The guide's code ------------------------------------------------------

async fn safe_operation():
    match await fallible_operation():
        case Ok(data):
            print(f"Success: {data}")
        case Err(error):
            print(f"Error: {error}")
            # Handle error...

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    await safe_operation()
    await safe_operation()
