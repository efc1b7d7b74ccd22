# Checks `self.m(...)` inside a method (the lent-`self` fast entry): an argument that
# fails its annotation is a TypeError naming the method, 500 nested self-calls return,
# and unbounded self-recursion ends in a RecursionError the program catches; a call
# site meeting `A` and `B` receivers in turn runs each type's method.
struct A:
    var k: Int

    fn f(self, n: Int) -> Int:
        return self.g(n) + self.k

    fn g(self, n: Int) -> Int:
        return n * 10

    fn down(self, n: Int) -> Int:
        if n == 0:
            return 0
        return 1 + self.down(n - 1)

    fn wrong(self) -> Int:
        let s: Any = "x"
        return self.g(s)

struct B:
    var k: Int

    fn g(self, n: Int) -> Int:
        return n * 100

fn main():
    let a = A(1)
    let b = B(2)
    var total = 0
    for i in range(6):
        if i % 2 == 0:
            total += a.f(i)
        else:
            total += A.f(b, i)
    print(total)
    print(a.down(500))
    try:
        print(a.wrong())
    except e:
        print(e.kind, e.message)
    try:
        print(a.down(1000000))
    except e:
        print(e.kind)

# expect: 969
# expect: 500
# expect: TypeError argument `n` of `A.g` must be Int, got String
# expect: RecursionError
