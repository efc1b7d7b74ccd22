# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 5.1 "Parallel Execution".
# Ported with only the edits of the guide edits of examples/README.md: the helper `fetch` the
# snippet assumes defined at the top.
#
#   mojolite run examples/guide/s5_1_parallel_execution.mojo
#
# The snippet defines `parallel_fetch` but no `main`; the `main` at the end,
# not from the guide, calls it and shows that the fetches overlapped.

# Helper assumed by the guide: a pretend fetch that takes 0.5 s.
async fn fetch(url: String) -> String:
    print(f"fetching {url}")
    await sleep(0.5)
    return f"<page {url}>"

# ---- The guide's code ------------------------------------------------------

async fn parallel_fetch():
    # Start all fetches concurrently
    let f1 = spawn(fetch("url1"))
    let f2 = spawn(fetch("url2"))
    let f3 = spawn(fetch("url3"))
    
    # Await all results
    let r1 = await f1
    let r2 = await f2
    let r3 = await f3
    
    return [r1, r2, r3]

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    let started = monotonic()
    let pages = await parallel_fetch()
    print(pages)
    # Three fetches of 0.5 s each took 0.5 s in all, not 1.5 s.
    print("took less than 1 s:", monotonic() - started < 1.0)
