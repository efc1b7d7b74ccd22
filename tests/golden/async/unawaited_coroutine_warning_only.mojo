# Checks that calling an async fn as a statement and dropping the coroutine is only a warning:
# the program compiles and runs, and the dropped coroutine never starts.
async fn side_effect():
    print("WRONG: the dropped coroutine ran")

async fn main():
    print("start")
    side_effect()
    await sleep(0)
    await yield_now()
    print("finish")
# expect: start
# expect: finish
