# args: --workers 1 --virtual-time
# Checks that a ticker does not queue up the ticks a slow reader missed: after a long pause one
# tick is ready at once, and the next comes at the ticker's own schedule.
async fn main():
    let t0 = monotonic()
    let tk = ticker(0.5)
    await sleep(1.7)
    for i in range(3):
        let (_, v) = await select([tk])
        print(f"tick read at {monotonic() - t0:.2f}")
# expect: tick read at 1.70
# expect: tick read at 2.00
# expect: tick read at 2.50
