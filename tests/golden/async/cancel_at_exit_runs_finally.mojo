# args: --workers 1 --virtual-time
# Checks that when main returns, tasks still running are cancelled and their finally blocks run before exit.
async fn forever():
    try:
        await sleep(1000.0)
    finally:
        print("cleanup ran")

async fn main():
    spawn(forever())
    await sleep(0.5)
    print("main returns")
# expect: main returns
# expect: cleanup ran
