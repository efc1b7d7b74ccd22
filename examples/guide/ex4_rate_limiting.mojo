# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section "Examples", Example 4:
# Rate Limiting. Ported with only the edits of the guide edits of examples/README.md: the stray
# `}` lines dropped, the Rust-style `struct RateLimiter {` with `name: Type`
# fields written `struct RateLimiter:` with `var` fields, `rate as Int`
# written `Int(rate)`, the struct literal `RateLimiter { tokens: tokens,
# rate: rate }` written `RateLimiter(tokens=tokens, rate=rate)`, and the
# helper `make_request` the snippet assumes defined at the top.
#
#   mojolite run examples/guide/ex4_rate_limiting.mojo                  # takes 10 s
#   mojolite --virtual-time run examples/guide/ex4_rate_limiting.mojo   # at once
#
# The snippet defines `rate_limited_requests` but no `main`; the `main` at
# the end, not from the guide, calls it: 100 requests at 10 per second.

from async import sleep, Channel

# Helper assumed by the guide: a request that takes 0.05 s. It prints when
# it starts: one every 0.1 s, as the limiter allows.
async fn make_request(i: Int):
    print(f"request {i} at t={monotonic():.1f}s")
    await sleep(0.05)

# ---- The guide's code ------------------------------------------------------

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

# ---- Not from the guide: running it -----------------------------------------

async fn main():
    let started = monotonic()
    await rate_limited_requests()
    await sleep(0.1)  # let the last request finish
    print(f"100 requests in {monotonic() - started:.1f} s")
