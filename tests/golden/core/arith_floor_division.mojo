# Checks that `//` floors toward negative infinity for Int and Float operands of every sign (Python semantics).
fn main():
    print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
    print(0 // 5, -1 // 5, 1 // -5)
    print(7.0 // 2, -7.0 // 2, 7 // -2.0, -7.5 // -2)
    print(-0.5 // 1, 9 // 3)
    var n = -9
    n //= 4
    print(n)
# expect: 3 -4 -4 3
# expect: 0 -1 -1
# expect: 3.0 -4.0 -4.0 3.0
# expect: -1.0 3
# expect: -3
