# Form: a struct holding the fan-out, with the recursive task as an async method
# (`self.node(num, size)`); the children are spawned in a loop and awaited in order.
# W2 skynet: a tree of 1,111,111 tasks; each parent runs 10 children and returns
# the sum of their results.
# BENCH_QUICK=1: size 10,000 (11,111 tasks, expected 49995000).

fn size(full: Int, quick: Int) -> Int:
    if let Some(q) = env.get("BENCH_QUICK"):
        if q == "1":
            return quick
    return full

let SIZE = size(1_000_000, 10_000)

struct Skynet:
    var div: Int

    async fn node(self, num: Int, size: Int) -> Int:
        if size == 1:
            return num
        let sub = size // self.div
        var children = []
        for i in range(self.div):
            children.append(spawn(self.node(num + i * sub, sub)))
        var total = 0
        for c in children:
            total += await c
        return total

async fn main():
    let tree = Skynet(10)
    print(await tree.node(0, SIZE))
