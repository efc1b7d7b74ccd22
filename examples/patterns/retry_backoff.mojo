# args: --workers 1 --virtual-time
# Pattern: retry a failing operation with exponential backoff (and jitter),
# giving up after a number of attempts.
# From the seeds: 002 "Set timeouts on all external calls" and the guide's
# §5.4 (whose "exponential" backoff grows linearly: 1 s, 2 s, 3 s).
#
#   mojolite run examples/patterns/retry_backoff.mojo
#
# Each attempt also gets a timeout, so a hung call counts as a failure.

# Waits base, 2*base, 4*base, … (at most `cap`) between attempts, each
# stretched by a random factor in [1, 1.25) so that many clients retrying at
# once do not all come back at the same instant.
async fn retry[T](operation: async fn() -> Result[T, Error], max_attempts: Int, base: Float = 0.1, cap: Float = 5.0, per_try: Float = 1.0) -> Result[T, Error]:
    var last = Error("no attempt made")
    for attempt in 1..=max_attempts:
        match await timeout(operation(), per_try):
            case Ok(Ok(value)):
                return Ok(value)
            case Ok(Err(e)):  # the operation failed
                last = e
            case Err(e):  # it timed out
                last = e
        if attempt < max_attempts:
            let delay = min(cap, base * 2 ** (attempt - 1)) * (1 + random.float() / 4)
            print(f"  attempt {attempt} failed ({last}); retrying in {delay:.3f} s")
            await sleep(delay)
    print(f"  giving up after {max_attempts} attempts")
    return Err(last)

let calls = Atomic(0)

# Fails four times (once by hanging), then works.
async fn flaky() -> Result[String, Error]:
    let n = calls.fetch_add(1) + 1
    if n == 2:
        await sleep(60)  # hangs: the per-try timeout cuts it short
    if n < 5:
        return Err(IOError(f"connection refused (call {n})"))
    return Ok(f"connected on call {n}")

async fn down() -> Result[String, Error]:
    return Err(IOError("host unreachable"))

async fn main():
    random.seed(1)
    let started = monotonic()
    print("flaky service, 6 attempts:")
    print(await retry(flaky, 6))
    print(f"  (t={monotonic() - started:.3f}s)")
    print("service down, 3 attempts:")
    print(await retry(down, 3))
