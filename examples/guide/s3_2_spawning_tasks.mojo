# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 3.2 "Spawning Tasks".
# Ported with only the edits of the guide edits of examples/README.md: the stray `}` line dropped.
#
#   mojolite run examples/guide/s3_2_spawning_tasks.mojo                  # takes 1 s, not 3
#   mojolite --virtual-time run examples/guide/s3_2_spawning_tasks.mojo   # at once

from async import spawn, sleep

async fn worker(id: Int):
    print(f"Worker {id} starting")
    await sleep(1.0)
    print(f"Worker {id} done")

async fn main():
    # Spawn multiple tasks
    let t1 = spawn(worker(1))
    let t2 = spawn(worker(2))
    let t3 = spawn(worker(3))
    
    # Wait for all
    await t1
    await t2
    await t3
    
    print("All workers done")
