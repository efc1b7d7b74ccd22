# The guide, chapter 06 "Async Programming", section 2.3 "Running Async Code".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# the `async { … }` block written as a nested `async fn` that is called, and
# the helper `fetch_data` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s2_3_running_async_code.mojo
#
# The snippet shows two ways to write `main`. Both are kept; as in Python, a
# later definition of a name replaces an earlier one, so the program runs the
# second `main` (sync, spawning a task and waiting for it with `handle.await()`).

# Helper assumed by the guide: a pretend fetch that takes 0.1 s.
async fn fetch_data(url: String) -> Result[String, Error]:
    print(f"fetch_data: GET {url}")
    await sleep(0.1)
    print(f"fetch_data: got a reply from {url}")
    return Ok(f"<data from {url}>")

# ---- The guide's code ------------------------------------------------------

# Main function can be async
async fn main():
    let data = await fetch_data("https://api.example.com")
    print(data)

# Or use spawn to run async from sync context
fn main():
    async fn async_block():
        await fetch_data("https://api.example.com")
    let handle = spawn(async_block())
    
    # Wait for completion
    let result = handle.await()
