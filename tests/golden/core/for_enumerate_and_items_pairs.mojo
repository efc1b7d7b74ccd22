# Checks `for` over enumerate(...) and d.items() (pairs made as the loop goes) against the
# general forms: lists, text, dict keys, ranges, a struct iterator (the general enumerate),
# a pair bound whole, a nested pattern, a loop that changes its dict (it sees the dict as it
# was), a struct's own items(), an empty dict, and a variable that shadows enumerate.
struct Countdown:
    var n: Int

    fn __next__(mut self) -> Optional[Int]:
        if self.n == 0:
            return None
        self.n -= 1
        return Some(self.n)

    fn __iter__(self) -> Countdown:
        return self

struct Bag:
    var things: List[String]

    fn items(self) -> List[(Int, String)]:
        return [(i, t) for i, t in enumerate(self.things)]

fn main():
    let xs = ["a", "b", "c"]
    for i, x in enumerate(xs):
        print(i, x)
    for pair in enumerate("hé"):
        print(pair)
    for i, k in enumerate({"k": 1, "j": 2}):
        print(i, k)
    for i, v in enumerate(range(10, 13)):
        print(i, v)
    for i, v in enumerate(Countdown(3)):
        print(i, v)
    var d = {"x": 1, "y": 2}
    for k, v in d.items():
        d[k + k] = v * 10
        print(k, v)
    print(d)
    for item in d.items():
        print(item)
    let b = Bag(["p", "q"])
    for i, t in b.items():
        print(i, t)
    var nested = [[1, 2], [3, 4]]
    for i, (a, c) in enumerate(nested):
        print(i, a, c)
    for k, v in {}.items():
        print("never")
    let enumerate = 5
    print(enumerate)
# expect: 0 a
# expect: 1 b
# expect: 2 c
# expect: (0, 'h')
# expect: (1, 'é')
# expect: 0 k
# expect: 1 j
# expect: 0 10
# expect: 1 11
# expect: 2 12
# expect: 0 2
# expect: 1 1
# expect: 2 0
# expect: x 1
# expect: y 2
# expect: {'x': 1, 'y': 2, 'xx': 10, 'yy': 20}
# expect: ('x', 1)
# expect: ('y', 2)
# expect: ('xx', 10)
# expect: ('yy', 20)
# expect: 0 p
# expect: 1 q
# expect: 0 1 2
# expect: 1 3 4
# expect: 5
