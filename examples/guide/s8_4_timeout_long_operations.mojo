# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 8.4 "Timeout Long Operations".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# and the helpers `slow_operation` and `default_value` the snippet assumes
# defined at the top.
#
#   mojolite run examples/guide/s8_4_timeout_long_operations.mojo                  # takes 5 s
#   mojolite --virtual-time run examples/guide/s8_4_timeout_long_operations.mojo   # at once
#
# The snippet defines `with_timeout` but no `main`; the `main` at the end,
# not from the guide, calls it.

from async import timeout

# Helpers assumed by the guide. `default_value` is called without `await`,
# so it is an ordinary function.
async fn slow_operation() -> String:
    print("slow_operation: started, needs 60 s")
    await sleep(60.0)
    return "the slow answer"

fn default_value() -> String:
    return "the default answer"

# ---- The guide's code ------------------------------------------------------

async fn with_timeout():
    match await timeout(slow_operation(), 5.0):
        case Ok(result):
            return result
        case Err(TimeoutError):
            return default_value()

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    let started = monotonic()
    let answer = await with_timeout()
    print(f"with_timeout() returned {answer!r} after {monotonic() - started:.1f} s")
