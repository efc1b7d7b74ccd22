# Checks `for` over a struct with __iter__/__next__ (returning Optional); iteration works on a copy, so the original is unchanged.
struct Countdown:
    var n: Int

    fn __iter__(self) -> Countdown:
        return self

    fn __next__(mut self) -> Optional[Int]:
        if self.n <= 0:
            return None
        self.n -= 1
        return Some(self.n + 1)

fn main():
    let c = Countdown(3)
    for x in c:
        print(x)
    print(c.n)
    var total = 0
    for x in Countdown(4):
        total += x
    print(total)
    print([x * 2 for x in Countdown(2)])
# expect: 3
# expect: 2
# expect: 1
# expect: 3
# expect: 10
# expect: [4, 2]
