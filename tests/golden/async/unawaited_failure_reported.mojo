# args: --workers 1 --virtual-time
# Checks that a task that failed and was never awaited is reported on stderr at exit (the program itself succeeds).
async fn broken():
    raise ValueError("nobody listens")

async fn main():
    spawn(broken(), name="lonely")
    await sleep(1.0)
    print("main done")
# expect: main done
