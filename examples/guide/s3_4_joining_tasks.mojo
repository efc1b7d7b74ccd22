# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 3.4 "Joining Multiple Tasks".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# and the helper `fetch` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s3_4_joining_tasks.mojo

from async import join, spawn

# Helper assumed by the guide: a pretend fetch; later URLs answer sooner,
# yet `join` returns the results in the order of its input.
let DELAYS = {"url1": 0.3, "url2": 0.2, "url3": 0.1}

async fn fetch(url: String) -> String:
    print(f"fetching {url}")
    await sleep(DELAYS[url])
    print(f"fetched {url}")
    return f"<page {url}>"

# ---- The guide's code ------------------------------------------------------

async fn main():
    let futures = [
        spawn(fetch("url1")),
        spawn(fetch("url2")),
        spawn(fetch("url3")),
    ]
    
    # Wait for all to complete
    let results = await join(futures)
    
    for result in results:
        print(result)
