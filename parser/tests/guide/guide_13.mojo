# Fan-out: One producer, multiple consumers
async fn fan_out():
    let ch = Channel[Int]::new()
    
    spawn(producer(ch.clone()))
    spawn(consumer(ch.clone(), 1))
    spawn(consumer(ch.clone(), 2))
    spawn(consumer(ch.clone(), 3))

# Fan-in: Multiple producers, one consumer
async fn fan_in():
    let ch = Channel[Int]::new()
    
    spawn(producer(ch.clone(), 1))
    spawn(producer(ch.clone(), 2))
    spawn(producer(ch.clone(), 3))
    spawn(consumer(ch))
