# Checks `mut self` method calls on a local, a field path and a list element: changes
# persist, a copy taken before is unchanged, an error raised inside the method keeps the
# changes made before it, and a call that fails to bind its arguments (count, keyword,
# type) leaves the receiver as it was; `*args` spread into a method call.
struct Counter:
    var n: Int
    var log: List[Int]

    fn add(mut self, x: Int, scale: Int = 1) raises:
        self.n += x * scale
        self.log.append(self.n)
        if self.n > 100:
            raise ValueError("too big at " + str(self.n))

    fn get(self) -> Int:
        return self.n

struct Pair:
    var left: Counter
    var right: Counter

fn main():
    var c = Counter(0, [])
    for i in range(1, 4):
        c.add(i)
    c.add(2, scale=10)
    print(c.n, c.log, c.get())
    let before = c
    c.add(1)
    print(before.n, c.n)
    try:
        c.add(100)
    except e:
        print(e.message, "| kept:", c.n, c.log[-1])
    let bad: List[Any] = [1, 2, 3]
    try:
        c.add(*bad)
    except e:
        print(e.kind, "| kept:", c.n)
    try:
        c.add(1, weight=2)
    except e:
        print(e.kind, "| kept:", c.n)
    let wrong: Any = "one"
    try:
        c.add(wrong)
    except e:
        print(e.kind, "| kept:", c.n)
    let two: List[Any] = [4, 2]
    var d = Counter(0, [])
    d.add(*two)
    print(d.n)
    var p = Pair(Counter(1, []), Counter(2, []))
    p.right.add(5)
    var cs = [Counter(10, []), Counter(20, [])]
    cs[1].add(1)
    print(p.left.n, p.right.n, cs[0].n, cs[1].n)
# expect: 26 [1, 3, 6, 26] 26
# expect: 26 27
# expect: too big at 127 | kept: 127 127
# expect: TypeError | kept: 127
# expect: TypeError | kept: 127
# expect: TypeError | kept: 127
# expect: 8
# expect: 1 7 10 21
