# args: --workers 1 --virtual-time
# Checks `await as_completed([...])`: the values as a list in the order the members finished,
# not the input order.
async fn job(name: String, secs: Float) -> String:
    await sleep(secs)
    return name

async fn main():
    let t0 = monotonic()
    print(await as_completed([job("w", 2.0), job("x", 0.5), job("y", 3.0), job("z", 1.0)]))
    print(f"{monotonic() - t0:.1f}")
# expect: ['x', 'z', 'w', 'y']
# expect: 3.0
