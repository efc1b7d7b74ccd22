# Checks `**`: right-associative, binds tighter than unary minus, negative Int exponent gives a Float, Float operands.
fn main():
    print(2 ** 3 ** 2, -2 ** 2, (-2) ** 3, 0 ** 0)
    print(2 ** -1, 10 ** -2, 2.0 ** 3, 4 ** 0.5)
    var x = 3
    x = x ** 2
    print(x)
# expect: 512 -4 -8 1
# expect: 0.5 0.01 8.0 2.0
# expect: 9
