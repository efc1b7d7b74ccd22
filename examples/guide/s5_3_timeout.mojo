# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 5.3 "Timeout Pattern".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# and the helper `fetch` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s5_3_timeout.mojo                  # takes 5 s
#   mojolite --virtual-time run examples/guide/s5_3_timeout.mojo   # at once
#
# The snippet defines `with_timeout` but no `main`; the `main` at the end,
# not from the guide, calls it.

from async import timeout, sleep

# Helper assumed by the guide: a pretend fetch; the slow server takes 10 s.
async fn fetch(url: String) -> String:
    print(f"fetching from {url}")
    await sleep(10.0)
    return f"<reply from {url}>"

# ---- The guide's code ------------------------------------------------------

async fn with_timeout():
    match await timeout(fetch("slow_server"), 5.0):
        case Ok(result):
            print(f"Success: {result}")
        case Err(TimeoutError):
            print("Request timed out")

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    let started = monotonic()
    await with_timeout()
    print(f"gave up after {monotonic() - started:.1f} s")
