# Checks `//` and `%` of a local by a constant and of two locals (the hot loop's own
# forms) against Python's rules: the sign of the divisor, rounding toward minus
# infinity, Int64 overflow of MIN // -1, and division by zero raised with its location.
fn main():
    var out = []
    for a in range(-7, 8, 7):
        out.append((a // 3, a % 3, a // -3, a % -3))
    print(out)
    let big = -9223372036854775807 - 1
    let m = -1
    print(big % m)
    try:
        print(big // m)
    except e:
        print(e)
    var total = 0
    for i in range(-5, 6):
        total += i % 4 + i // 4
    print(total)
    let zero = 0
    for i in range(3):
        print(i // zero)
# expect: [(-3, 2, 2, -1), (0, 0, 0, 0), (2, 1, -3, -2)]
# expect: 0
# expect: OverflowError: integer overflow
# expect: 12
# expect runtime error: arith_floor_div_modulo_of_locals.mojo:22:15
# expect runtime error: ZeroDivisionError: integer division by zero
