# Checks that `%` takes the sign of the divisor for Int and Float operands, and that (a // b) * b + a % b == a.
fn main():
    print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
    print(0 % 3, 6 % -3, -6 % 3, -1 % 10)
    print(7.5 % 2, -7.5 % 2, 7.5 % -2, 5.0 % 2.5)
    var ok = True
    for a in [-7, -1, 0, 3, 8]:
        for b in [-3, -2, 2, 5]:
            if (a // b) * b + a % b != a:
                ok = False
                print("FAIL identity", a, b)
    print(ok)
# expect: 1 2 -2 -1
# expect: 0 0 0 9
# expect: 1.5 0.5 -0.5 0.0
# expect: True
