# args: --workers 1 --virtual-time
# The guide, chapter 06 "Async Programming", section 5.4 "Retry Pattern".
# Ported with only the edits of the guide edits of examples/README.md: none were needed
# (`for attempt in 1..=max_attempts` runs as written).
#
#   mojolite run examples/guide/s5_4_retry.mojo                  # takes 6 s
#   mojolite --virtual-time run examples/guide/s5_4_retry.mojo   # at once
#
# The snippet defines `retry` but no `main`; the operations and the `main` at
# the end, not from the guide, call it with an operation that fails twice and
# then succeeds, and with one that always fails.

async fn retry[T](
    operation: async fn() -> Result[T, Error],
    max_attempts: Int
) -> Result[T, Error]:
    for attempt in 1..=max_attempts:
        match await operation():
            case Ok(result):
                return Ok(result)
            case Err(error):
                if attempt == max_attempts:
                    return Err(error)
                await sleep(1.0 * attempt)  # Exponential backoff
    
    return Err(Error("Max retries exceeded"))

# ---- Not from the guide: running it -----------------------------------------

let calls = Atomic(0)

# Fails on its first two calls, then succeeds.
async fn flaky() -> Result[String, Error]:
    let n = calls.fetch_add(1) + 1
    print(f"  flaky: call {n} at t={monotonic():.1f}s")
    if n < 3:
        return Err(Error(f"call {n} failed"))
    return Ok(f"succeeded on call {n}")

async fn broken() -> Result[String, Error]:
    print(f"  broken: called at t={monotonic():.1f}s")
    return Err(Error("service unavailable"))

async fn main():
    print("retry(flaky, 5):")
    print(await retry(flaky, 5))
    print("retry(broken, 3):")
    print(await retry(broken, 3))
