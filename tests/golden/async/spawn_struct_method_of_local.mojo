# `spawn(obj.m(args))` of an async method on a struct held in a local: the
# task gets a copy of `obj` as it was at the spawn (later changes to the
# variable do not reach it), runs concurrently, and is named after the
# method; a `mut self` async method spawned this way works on its own copy;
# a wrong argument count fails the task, not the spawner.
struct Counter:
    var base: Int

    async fn scaled(self, k: Int) -> Int:
        await sleep(0.01)
        return self.base * k

    async fn bump(mut self, by: Int) -> Int:
        self.base += by
        return self.base

async fn main():
    var c = Counter(10)
    var tasks = []
    for k in range(1, 4):
        tasks.append(spawn(c.scaled(k)))
        c.base += 1
    var got = []
    for t in tasks:
        got.append(await t)
    print(got)
    print(tasks[0].name())
    let b = spawn(c.bump(5))
    print(await b, c.base)
    let bad = spawn(c.scaled(1, 2))
    match await bad.catch():
        case Ok(v):
            print("unexpected", v)
        case Err(e):
            print("task failed:", e)
    print("spawner still runs")

# expect: [10, 22, 36]
# expect: Counter.scaled
# expect: 18 13
# expect: task failed: TypeError: `Counter.scaled` takes 2 arguments but 3 were given
# expect: spawner still runs
