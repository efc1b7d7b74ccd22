from async import Future

async fn compute() -> Int:
    await sleep(1.0)
    return 42

fn main():
    let future: Future[Int] = compute()
    # Future hasn't started yet - lazy evaluation
    
    let handle = spawn(future)
    let result = handle.await()  # Block until complete
    print(result)  # 42
