# args: --workers 1 --virtual-time
# Checks that a finished task can be awaited again: every await gives the same value and the
# task's body does not run a second time.
async fn roll() -> List[Int]:
    print("rolling")
    await sleep(0.3)
    return [4, 2]

async fn main():
    let t = spawn(roll())
    let a = await t
    let b = await t
    print(a, b, a == b)
    await sleep(1.0)
    print(await t)
# expect: rolling
# expect: [4, 2] [4, 2] True
# expect: [4, 2]
