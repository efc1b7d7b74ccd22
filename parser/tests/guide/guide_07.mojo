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
