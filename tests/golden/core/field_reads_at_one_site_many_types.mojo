# Checks that one field access in a loop reads the right field whatever struct it meets:
# two types with the same field names in different orders, a nested path (`s.inner.x`),
# a field written between reads, a method of the same name as no field, and a missing
# field (AttributeError naming the type, at the access).
struct A:
    var x: Int
    var name: String

struct B:
    var name: String
    var tag: Bool
    var x: Int

struct Wrap:
    var inner: A

    fn get(self) -> Int:
        return self.inner.x

    fn bump(mut self):
        self.inner.x += 10

fn describe(v: Any) -> String:
    return v.name + "=" + str(v.x)

fn main():
    let items: List[Any] = [A(1, "a1"), B("b2", True, 2), A(3, "a3"), B("b4", False, 4)]
    for it in items:
        print(describe(it))
    var w = Wrap(A(5, "inner"))
    var total = 0
    for _ in range(3):
        total += w.get() + w.inner.x
        w.bump()
    print(total, w.inner.x)
    let c = Channel[Int]::with_capacity(1)
    let send = c.try_send
    print(send(7), c.try_recv())
    try:
        print(describe(w))
    except e:
        print(e.kind, e.message)
# expect: a1=1
# expect: b2=2
# expect: a3=3
# expect: b4=4
# expect: 90 35
# expect: True Some(7)
# expect: AttributeError `Wrap` has no field or method `name`
