# The guide, chapter 06 "Async Programming", section 7.4 "Memory Management".
# Ported with only the edits of the guide edits of examples/README.md: none were needed.
#
#   mojolite run examples/guide/s7_4_memory_management.mojo
#
# The snippet defines `recursive_task` but no `main`; the `main` at the end,
# not from the guide, calls it, and shows how deep a task's stack may grow.

# Tasks have their own stack
async fn recursive_task(n: Int) -> Int:
    if n == 0:
        return 1
    return n * await recursive_task(n - 1)

# Runtime manages:
# - Task allocation
# - Stack growth
# - Cleanup on completion

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    print("recursive_task(10) =", await recursive_task(10))
    print("recursive_task(20) =", await recursive_task(20))
    # Each task has its own stack: 8 tasks recurse at once.
    var tasks = List[Task[Int]]()
    for n in range(13, 21):
        tasks.append(spawn(recursive_task(n)))
    for i in range(len(tasks)):
        print(f"recursive_task({13 + i}) =", await tasks[i])
    # 21! does not fit in 64 bits: an OverflowError, never a wrong number.
    try:
        print(await recursive_task(21))
    except OverflowError as e:
        print("recursive_task(21):", e)
    # A stack may hold up to 10 000 frames; deeper is a RecursionError, not a crash.
    try:
        print(await recursive_task(20000))
    except RecursionError as e:
        print("recursive_task(20000):", e)
