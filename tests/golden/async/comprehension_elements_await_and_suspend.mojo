# Checks list comprehensions whose elements suspend (an `await` that sleeps, a channel
# receive) and nest, inside a task and at top level: each element lands once, in order,
# while other tasks run in between, and a list captured by every element stays shared
# by value (a later append to the original does not show in the copies).
async fn slow_double(x: Int) -> Int:
    await sleep(0.001)
    return x * 2

let top = [x + 1 for x in range(6) if x % 2 == 0]
print(top)

async fn main():
    let ch = Channel[Int]::with_capacity(4)
    let producer = spawn(fill(ch))
    let got = [await ch.recv() for _ in range(4)]
    await producer
    print(got)
    let xs = [await slow_double(i) for i in range(5)]
    print(xs)
    let grid = [[i * j for j in range(3)] for i in range(3)]
    print(grid)
    var acc = [0]
    let copies = [acc for _ in range(2)]
    acc.append(1)
    print(copies, acc)

async fn fill(ch: Channel[Int]):
    for i in range(4):
        await ch.send(i * 10)
# expect: [1, 3, 5]
# expect: [Some(0), Some(10), Some(20), Some(30)]
# expect: [0, 2, 4, 6, 8]
# expect: [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
# expect: [[0], [0]] [0, 1]
