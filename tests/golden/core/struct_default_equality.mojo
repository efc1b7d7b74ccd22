# Checks that `==` and `!=` on structs without __eq__ compare field by field (structurally).
struct Pixel:
    var x: Int
    var y: Int
    var color: String

fn main():
    let a = Pixel(1, 2, "red")
    print(a == Pixel(1, 2, "red"), a == Pixel(1, 2, "blue"), a != Pixel(2, 2, "red"))
    var b = a
    b.y = 3
    print(a == b, [a] == [Pixel(1, 2, "red")])
# expect: True False True
# expect: False True
