# Checks `return x` of a local variable (one fused instruction): an Int, a
# List, a String, from a function and from a method whose `self` is lent,
# and that a return annotation is still checked on that path.
struct Acc:
    var total: Int

    fn plus(self, n: Int) -> Int:
        let r = self.total + n
        return r

    fn me(self) -> Acc:
        return self

fn ident(x: Int) -> Int:
    return x

fn items(xs: List[Int]) -> List[Int]:
    return xs

fn wrong(x: Int) -> Int:
    let s = "text"
    if x > 0:
        return x
    return s

fn main():
    print(ident(41) + 1)
    print(items([1, 2, 3]))
    let a = Acc(10)
    print(a.plus(5), a.me().total)
    print(wrong(7))
    try:
        print("WRONG", wrong(0))
    except TypeError as e:
        print("return check:", e.kind)
# expect: 42
# expect: [1, 2, 3]
# expect: 15 10
# expect: 7
# expect: return check: TypeError
