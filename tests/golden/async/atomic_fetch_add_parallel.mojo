# Checks that Atomic.fetch_add loses no update when many tasks add to it at once on all workers.
async fn adder(counter: Atomic, n: Int):
    for i in range(n):
        counter.fetch_add(2)

async fn main():
    let counter = Atomic(0)
    var ts = []
    for i in range(6):
        ts.append(spawn(adder(counter, 5000)))
    for t in ts:
        await t
    print(counter.load())
# expect: 60000
