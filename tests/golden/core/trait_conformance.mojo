# Checks traits: structs implementing a trait are accepted by a trait-annotated parameter and dispatch their own methods.
trait Shape:
    fn area(self) -> Float: ...
    fn name(self) -> String: ...

struct Sq(Shape):
    var s: Float

    fn area(self) -> Float:
        return self.s * self.s

    fn name(self) -> String:
        return "square"

struct Rect(Shape):
    var w: Float
    var h: Float

    fn area(self) -> Float:
        return self.w * self.h

    fn name(self) -> String:
        return "rect"

fn describe(s: Shape) -> String:
    return f"{s.name()} {s.area()}"

fn main():
    let shapes = [Sq(2.0), Rect(1.5, 2.0)]
    for s in shapes:
        print(describe(s))
# expect: square 4.0
# expect: rect 3.0
