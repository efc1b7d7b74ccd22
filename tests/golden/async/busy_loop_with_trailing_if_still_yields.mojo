# args: --workers 1
# Checks that a busy loop whose body ends in an `if` (whose failed test goes straight
# back to the loop head once jumps are threaded) still gives the worker up at the end
# of its time slice: with one worker, `main` prints while the spinner is still running
# only if the spinner yields.
async fn spinner() -> Int:
    var i = 0
    while i < 5_000_000:
        i += 1
        if i < 0:
            print("WRONG: never")
    print("spinner done")
    return i

async fn main():
    let t = spawn(spinner())
    await yield_now()
    print("main ran while the spinner was spinning")
    print(await t)
# expect: main ran while the spinner was spinning
# expect: spinner done
# expect: 5000000
