# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 3.3 "Task Handles".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped.
#
#   mojolite run examples/guide/s3_3_task_handles.mojo                  # takes 5 s
#   mojolite --virtual-time run examples/guide/s3_3_task_handles.mojo   # at once

async fn long_computation() -> Int:
    await sleep(5.0)
    return 42

async fn main():
    let handle = spawn(long_computation())
    
    # Do other work while task runs
    print("Doing other work...")
    await sleep(1.0)
    
    # Wait for result
    let result = await handle
    print(f"Result: {result}")
