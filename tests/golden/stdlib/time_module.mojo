# args: --virtual-time
# Checks `import time`: time.monotonic() never goes back and follows sleeps; time.now() is wall-clock seconds since 1970.
import time

async fn main():
    let t0 = time.monotonic()
    await time.sleep(60)
    let t1 = time.monotonic()
    print(t1 >= t0, t1 - t0 >= 60.0, t1 - t0 < 61.0)
    print(time.now() > 1600000000.0, type(time.now()))
# expect: True True True
# expect: True Float
