# Checks that `/` always gives a Float (even for exact Int division), and Int op Float gives Float.
fn main():
    print(7 / 2, 6 / 3, -7 / 2, 1 / 4)
    print(1 / 3, 2 / 3)
    print(10 / 4.0, 3 * 1.5, 1 + 2.0, 4.0 - 4)
    var x = 5
    x /= 2
    print(x)
    var y = 8
    y /= 4
    print(y)
# expect: 3.5 2.0 -3.5 0.25
# expect: 0.3333333333333333 0.6666666666666666
# expect: 2.5 4.5 3.0 0.0
# expect: 2.5
# expect: 2.0
