# args: --workers 1 --virtual-time
# Checks that sleeping tasks wake in deadline order (not spawn order) at exactly their deadline
# under virtual time, and that sleep(0) wakes at once.
async fn alarm(name: String, secs: Float, base: Float):
    await sleep(secs)
    print(f"{name} at {monotonic() - base:.2f}")

async fn main():
    let base = monotonic()
    let ts = [spawn(alarm("late", 2.5, base)), spawn(alarm("now", 0.0, base)), spawn(alarm("early", 0.75, base)), spawn(alarm("middle", 1.25, base))]
    for t in ts:
        await t
    print(f"all woke by {monotonic() - base:.2f}")
# expect: now at 0.00
# expect: early at 0.75
# expect: middle at 1.25
# expect: late at 2.50
# expect: all woke by 2.50
