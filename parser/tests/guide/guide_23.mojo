from async import Executor

fn main():
    # Create executor with 4 threads
    let executor = Executor::new(4)
    
    # Spawn tasks
    async fn block():
        await some_work()
    let handle = executor.spawn(block())
    
    # Block until complete
    let result = handle.await()
    
    # Shutdown executor
    executor.shutdown()
