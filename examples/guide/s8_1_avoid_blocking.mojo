# The guide, chapter 06 "Async Programming", section 8.1 "Avoid Blocking in Async".
# Ported with only the edits of the guide edits of examples/README.md: the helpers
# `blocking_io_call` and `async_io_call` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s8_1_avoid_blocking.mojo
#
# The snippet defines `bad_example` and `good_example` but no `main`; the
# `main` at the end, not from the guide, calls both.

# Helpers assumed by the guide. `blocking_io_call` is an ordinary (sync)
# function, called without `await`: the task cannot do anything else, or be
# cancelled, until it returns (here it counts lines of a made-up file).
# `async_io_call` waits with `await`, so other tasks run meanwhile.
fn blocking_io_call() -> String:
    var lines = 0
    for i in range(200_000):
        if i % 1000 == 0:
            lines += 1
    return f"{lines} lines (read the blocking way)"

async fn async_io_call() -> String:
    await sleep(0.1)
    return "200 lines (read the async way)"

# ---- The guide's code ------------------------------------------------------

# BAD - Blocks the entire thread
async fn bad_example():
    let data = blocking_io_call()  # Don't do this!
    return data

# GOOD - Use async I/O
async fn good_example():
    let data = await async_io_call()
    return data

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    print("bad_example:", await bad_example())
    print("good_example:", await good_example())
