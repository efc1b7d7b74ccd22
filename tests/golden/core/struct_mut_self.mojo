# Checks that a `mut self` method updates the caller's variable, a read-only method sees the update, and a parameter copy mutated in a callee leaves the caller unchanged.
struct Counter:
    var n: Int

    fn bump(mut self, by: Int = 1):
        self.n += by

    fn get(self) -> Int:
        return self.n

    fn reset(inout self):
        self.n = 0

fn bump_param(c: Counter) -> Int:
    c.bump()
    return c.n

fn main():
    var c = Counter(0)
    c.bump()
    c.bump(by=5)
    print(c.n, c.get())
    print(bump_param(c), c.n)
    c.reset()
    print(c)
# expect: 6 6
# expect: 7 6
# expect: Counter(n=0)
