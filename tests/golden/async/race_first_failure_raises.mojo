# args: --workers 1 --virtual-time
# Checks that when the first member of race() to finish fails, race raises its error.
async fn slow_ok() -> String:
    await sleep(5.0)
    return "slow"

async fn quick_fail() -> String:
    await sleep(0.5)
    raise IndexError("quick one broke")

async fn main():
    try:
        print("WRONG", await race([slow_ok(), quick_fail()]))
    except IndexError as e:
        print("race raised", e)
# expect: race raised IndexError: quick one broke
