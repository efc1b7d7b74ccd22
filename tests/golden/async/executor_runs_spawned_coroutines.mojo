# Checks Executor(n) / Executor::new(n): a separate pool runs the coroutines given to its
# spawn(); the returned handles are awaited from a sync main with .await().
async fn cube_after(x: Int) -> Int:
    await sleep(0.01)
    return x * x * x

fn main():
    let pool = Executor::new(3)
    var hs = []
    for i in range(1, 5):
        hs.append(pool.spawn(cube_after(i)))
    var out = []
    for h in hs:
        out.append(h.await())
    print(out)
    let small = Executor(1)
    print(small.spawn(cube_after(5)).await())
    small.shutdown()
    pool.shutdown()
# expect: [1, 8, 27, 64]
# expect: 125
