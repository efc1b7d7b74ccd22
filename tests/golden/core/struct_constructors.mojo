# Checks struct construction: memberwise positional, by keyword (any order), mixed, @value, and a custom __init__(out self) called positionally and by keyword.
struct Point:
    var x: Int
    var y: Int

@value
struct Size:
    var w: Int
    var h: Int

struct Temp:
    var celsius: Float

    fn __init__(out self, fahrenheit: Float):
        self.celsius = (fahrenheit - 32.0) * 5.0 / 9.0

fn main():
    print(Point(1, 2), Point(y=4, x=3), Point(5, y=6))
    print(Size(2, 3), Size(h=1, w=0).h)
    let t = Temp(212.0)
    print(t.celsius, t)
    print(Temp(fahrenheit=32.0).celsius)
# expect: Point(x=1, y=2) Point(x=3, y=4) Point(x=5, y=6)
# expect: Size(w=2, h=3) 1
# expect: 100.0 Temp(celsius=100.0)
# expect: 0.0
