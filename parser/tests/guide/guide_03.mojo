async fn example():
    # Await a future
    let result = await some_async_fn()
    
    # Await with error handling
    let data = await fetch_data(url)?
    
    # Multiple awaits
    let a = await task1()
    let b = await task2()
    print(f"Results: {a}, {b}")
