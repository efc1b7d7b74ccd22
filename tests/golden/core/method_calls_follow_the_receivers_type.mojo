# Checks that a method call runs the method of the receiver's actual type, whatever the
# compiler expects it to be: `self.m()` inside `A.m` when `self` is a `B` (called as
# `A.m(B(), …)`), one call site seeing two types in turn, a struct defined inside a function,
# and a `mut self` method next to read-only ones.
struct Fib:
    fn fib(self, n: Int) -> Int:
        if n < 2:
            return n
        return self.fib(n - 1) + self.fib(n - 2)

    fn name(self) -> String:
        return "Fib"

struct Other:
    fn fib(self, n: Int) -> Int:
        return 1000 + n

    fn name(self) -> String:
        return "Other"

struct Counter:
    var n: Int

    fn bump(mut self) -> Int:
        self.n += 1
        return self.n

    fn twice(self) -> Int:
        return self.n * 2

fn describe(x) -> String:
    return x.name()

fn main():
    let f = Fib()
    print(f.fib(10), Fib.fib(Other(), 5), f.fib(10))
    var names = []
    for i in range(4):
        if i % 2 == 0:
            names.append(describe(Fib()))
        else:
            names.append(describe(Other()))
    print(names)
    struct Local:
        fn fib(self, n: Int) -> Int:
            return -n
    let l = Local()
    print(l.fib(3), Fib.fib(l, 4))
    var c = Counter(1)
    print(c.bump(), c.twice(), c.bump(), c.twice())
# expect: 55 2007 55
# expect: ['Fib', 'Other', 'Fib', 'Other']
# expect: -3 -5
# expect: 2 4 3 6
