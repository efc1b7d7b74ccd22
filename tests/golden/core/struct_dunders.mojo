# Checks struct dunders: __str__ (print/str/f-string), __add__, __eq__ (and != derived from it), __lt__ used by `<` and by a stable sorted().
struct V:
    var x: Int
    var y: Int

    fn __add__(self, o: V) -> V:
        return V(self.x + o.x, self.y + o.y)

    fn __eq__(self, o: V) -> Bool:
        return self.x == o.x

    fn __lt__(self, o: V) -> Bool:
        return self.x + self.y < o.x + o.y

    fn __str__(self) -> String:
        return f"<{self.x},{self.y}>"

fn main():
    let a = V(1, 2)
    let b = V(3, 4)
    print(a + b, str(a), f"[{a}]")
    print(a == V(1, 99), a == b, a != V(1, 0), a != b)
    print(a < b, b < a)
    let vs = [V(5, 5), V(1, 1), V(2, 0), V(0, 2)]
    var out = []
    for v in sorted(vs):
        out.append(str(v))
    print(" ".join(out))
# expect: <4,6> <1,2> [<1,2>]
# expect: True False False True
# expect: True False
# expect: <1,1> <2,0> <0,2> <5,5>
