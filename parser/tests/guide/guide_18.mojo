async fn pipeline():
    let ch1 = Channel[String]::new()
    let ch2 = Channel[String]::new()
    let ch3 = Channel[String]::new()
    
    # Stage 1: Fetch
    async fn stage1():
        for url in urls:
            let data = await fetch(url)
            await ch1.send(data)
        ch1.close()
    spawn(stage1())
    
    # Stage 2: Process
    async fn stage2():
        while let Some(data) = await ch1.recv():
            let processed = await process(data)
            await ch2.send(processed)
        ch2.close()
    spawn(stage2())
    
    # Stage 3: Store
    async fn stage3():
        while let Some(data) = await ch2.recv():
            await store(data)
        ch3.close()
    spawn(stage3())
