# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 8.3 "Structured Concurrency".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` lines dropped,
# and the helpers `task1` and `task2` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/s8_3_structured_concurrency.mojo
#
# The snippet defines `structured` and `unstructured` but no `main`; the
# `main` at the end, not from the guide, calls both. The task `unstructured`
# spawns is still running when `main` returns, so it is cancelled: it never
# prints "task1 done" (its `finally` block runs, as LANGUAGE.md §9 says).

# Helpers assumed by the guide: two tasks that take a while.
async fn task1():
    print("task1 started")
    try:
        await sleep(1.0)
        print("task1 done")
    finally:
        print("task1 finally (cleanup)")

async fn task2():
    print("task2 started")
    await sleep(0.5)
    print("task2 done")

# ---- The guide's code ------------------------------------------------------

# GOOD - All tasks complete before function returns
async fn structured():
    let t1 = spawn(task1())
    let t2 = spawn(task2())
    
    await t1
    await t2
    # Both complete here

# AVOID - Fire-and-forget
async fn unstructured():
    spawn(task1())  # May not complete!
    # Function returns immediately

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    print("structured():")
    await structured()
    print("structured() returned")
    print("unstructured():")
    await unstructured()
    print("unstructured() returned")
    await sleep(0.1)
    print("main returns")
