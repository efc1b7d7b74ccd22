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
