# Checks static methods: @staticmethod and a method without `self` are both static, callable as `Type.f()` and `Type::f()`, returning Self.
struct Vec:
    var x: Int
    var y: Int

    @staticmethod
    fn zero() -> Self:
        return Vec(0, 0)

    fn unit_x() -> Vec:
        return Vec(1, 0)

    @staticmethod
    fn add(a: Vec, b: Vec) -> Vec:
        return Vec(a.x + b.x, a.y + b.y)

    fn norm1(self) -> Int:
        return abs(self.x) + abs(self.y)

fn main():
    print(Vec.zero(), Vec::zero())
    print(Vec::unit_x(), Vec.unit_x())
    print(Vec.add(Vec(1, 2), Vec(3, -4)), Vec::add(a=Vec(1, 1), b=Vec::zero()).norm1())
# expect: Vec(x=0, y=0) Vec(x=0, y=0)
# expect: Vec(x=1, y=0) Vec(x=1, y=0)
# expect: Vec(x=4, y=-2) 2
