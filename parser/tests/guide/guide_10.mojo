from async import Channel

async fn producer(ch: Channel[Int]):
    for i in range(10):
        await ch.send(i)
        await sleep(0.1)
    ch.close()

async fn consumer(ch: Channel[Int]):
    while True:
        match await ch.recv():
            case Some(value):
                print(f"Received: {value}")
            case None:
                break  # Channel closed

async fn main():
    let ch = Channel[Int]::new()
    
    spawn(producer(ch.clone()))
    spawn(consumer(ch))
    
    await sleep(2.0)  # Let them run
