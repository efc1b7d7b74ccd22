async fn parallel_fetch():
    # Start all fetches concurrently
    let f1 = spawn(fetch("url1"))
    let f2 = spawn(fetch("url2"))
    let f3 = spawn(fetch("url3"))
    
    # Await all results
    let r1 = await f1
    let r2 = await f2
    let r3 = await f3
    
    return [r1, r2, r3]
