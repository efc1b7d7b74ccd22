# args: --virtual-time
# Checks that under --virtual-time the clock starts at 0, a long sleep (given in Int seconds)
# takes no real time, and monotonic() advances by exactly the time slept.
async fn main():
    print(monotonic())
    await sleep(90)
    print(monotonic())
    await sleep(0.25)
    print(monotonic())
    await sleep(3600)
    print(monotonic())
# expect: 0.0
# expect: 90.0
# expect: 90.25
# expect: 3690.25
