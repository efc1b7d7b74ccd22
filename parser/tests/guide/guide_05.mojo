fn main():
    # Create async block
    async fn block() -> Int:
        let a = await task1()
        let b = await task2()
        return a + b
    let future = block()
    
    # Spawn it
    let handle = spawn(future)
    let result = handle.await()
