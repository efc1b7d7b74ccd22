# Checks that a struct naming a trait but missing one of its methods is a compile error naming the missing method.
trait Shape:
    fn area(self) -> Float: ...
    fn perimeter(self) -> Float: ...

struct Sq(Shape):
    var s: Float

    fn area(self) -> Float:
        return self.s * self.s

fn main():
    print(Sq(1.0).area())
# expect error: perimeter
