# Checks that Floats print like Python's repr: shortest round-trip, `.0` for integral values, exponent form with a sign and at least two digits.
import math

fn main():
    print(0.1, 0.1 + 0.2, 1.0, 100.0, -0.0)
    print(1e15, 1e16, 1e22, 12345678901234567.0)
    print(0.0001, 0.00001, 1.5e-7, 2.5e-3)
    print(math.inf, -math.inf, 1.0 / 3.0)
    print([0.5, 1e20], str(3.0), f"{1e-5}")
# expect: 0.1 0.30000000000000004 1.0 100.0 -0.0
# expect: 1000000000000000.0 1e+16 1e+22 1.2345678901234568e+16
# expect: 0.0001 1e-05 1.5e-07 0.0025
# expect: inf -inf 0.3333333333333333
# expect: [0.5, 1e+20] 3.0 1e-05
