# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 5.5 "Pipeline Pattern".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped,
# each `async { … }` block written as a nested `async fn` that is called,
# and the `urls` and the helpers `fetch`, `process` and `store` the snippet
# assumes defined at the top.
#
#   mojolite run examples/guide/s5_5_pipeline.mojo
#
# The snippet defines `pipeline` but no `main`; the `main` at the end, not
# from the guide, calls it and lets the three stages run.

# Helpers assumed by the guide.
let urls = ["url1", "url2", "url3"]

async fn fetch(url: String) -> String:
    await sleep(0.1)
    print(f"fetched {url}")
    return f"<page {url}>"

async fn process(data: String) -> String:
    await sleep(0.05)
    print(f"processed {data}")
    return data.upper()

async fn store(data: String):
    await sleep(0.01)
    print(f"stored {data}")

# ---- The guide's code ------------------------------------------------------

async fn pipeline():
    let ch1 = Channel[String]::new()
    let ch2 = Channel[String]::new()
    let ch3 = Channel[String]::new()
    
    # Stage 1: Fetch
    async fn stage1():
        for url in urls:
            let data = await fetch(url)
            await ch1.send(data)
        ch1.close()
    spawn(stage1())
    
    # Stage 2: Process
    async fn stage2():
        while let Some(data) = await ch1.recv():
            let processed = await process(data)
            await ch2.send(processed)
        ch2.close()
    spawn(stage2())
    
    # Stage 3: Store
    async fn stage3():
        while let Some(data) = await ch2.recv():
            await store(data)
        ch3.close()
    spawn(stage3())

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    await pipeline()
    print("pipeline() returned; its three stages keep running")
    await sleep(1.0)
