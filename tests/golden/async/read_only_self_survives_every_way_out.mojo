# Checks methods with a read-only `self` called on a local: the receiver is intact after
# calls that return normally, recurse, return or store `self`, rebind `self`, raise, and
# after a task is cancelled while suspended inside such a method.
struct Node:
    var name: String
    var kids: List[Int]

    fn depth(self, n: Int) -> Int:
        if n == 0:
            return len(self.kids)
        return self.depth(n - 1) + 1

    fn copies(self) -> List[Node]:
        return [self, self]

    fn rebind(self, n: Int) -> Int:
        self = Node("other", [1, 2, 3, 4])
        return self.depth(n)

    fn fails(self, n: Int) -> Int:
        if n == 0:
            raise ValueError("bottom of " + self.name)
        return self.fails(n - 1)

    fn waits(self, t: Task) -> Int:
        return t.await() + self.depth(2)

async fn slow() -> Int:
    await sleep(0.01)
    return 100

async fn stuck(n: Node) -> Int:
    let never = spawn(sleep(30.0))
    return n.waits(never)

async fn main():
    let a = Node("a", [1, 2])
    var total = 0
    for i in range(1000):
        total += a.depth(5) + a.rebind(3)
    print(total, a.name, a.kids)
    var kept = a.copies()
    kept = []
    print(len(kept), a.name, a.kids)
    try:
        let _ = a.fails(4)
    except ValueError as e:
        print("ValueError:", e.message)
    print(a.waits(spawn(slow())))
    var ts = []
    for i in range(50):
        ts.append(spawn(stuck(Node("n" + str(i), [i]))))
    ts.append(spawn(stuck(a)))
    await sleep(0.01)
    var cancelled = 0
    for t in ts:
        t.cancel()
        if (await t.catch()).is_err():
            cancelled += 1
    print(cancelled, a.name, a.kids, a.depth(1))
# expect: 14000 a [1, 2]
# expect: 0 a [1, 2]
# expect: ValueError: bottom of a
# expect: 104
# expect: 51 a [1, 2] 3
