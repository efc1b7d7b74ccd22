from async import sleep, Channel

struct RateLimiter:
    var tokens: Channel[()]
    var rate: Float  # Tokens per second
    
    fn new(rate: Float) -> Self:
        let tokens = Channel[()]::with_capacity(Int(rate))
        spawn(Self::refill_loop(tokens.clone(), rate))
        return RateLimiter(tokens=tokens, rate=rate)
    
    async fn refill_loop(tokens: Channel[()], rate: Float):
        let interval = 1.0 / rate
        while True:
            await sleep(interval)
            let _ = tokens.try_send(())  # Add token
    
    async fn acquire(self):
        await self.tokens.recv()  # Wait for token

async fn rate_limited_requests():
    let limiter = RateLimiter::new(10.0)  # 10 req/sec
    
    for i in range(100):
        await limiter.acquire()
        spawn(make_request(i))
