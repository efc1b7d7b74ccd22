# Unbuffered - synchronous
let ch = Channel[Int]::new()

# Buffered - can send without receiver
let ch = Channel[Int]::with_capacity(10)

async fn example():
    let ch = Channel[String]::with_capacity(5)
    
    # These don't block (buffer has space)
    await ch.send("msg1")
    await ch.send("msg2")
    await ch.send("msg3")
    
    # Receive
    let msg = await ch.recv()
