# Checks run_blocking(f, args...): the sync function runs on the blocking pool with the given
# arguments and its return value comes back to the awaiting task.
fn collatz_steps(n: Int) -> Int:
    var steps = 0
    var x = n
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        steps += 1
    return steps

fn join3(a: String, b: String, c: String) -> String:
    return a + "/" + b + "/" + c

async fn main():
    print(await run_blocking(collatz_steps, 27))
    print(await run_blocking(join3, "usr", "local", "bin"))
    var total = 0
    for n in [6, 7, 9]:
        total += await run_blocking(collatz_steps, n)
    print(total)
# expect: 111
# expect: usr/local/bin
# expect: 43
