# Checks JSON number forms: negative, zero, fractions, exponents, and an integer too big for an Int (becomes a Float).
import json

fn main():
    print(json.parse("[0, -0, -12, 1.5, -0.25, 1e3, 2.5E-3, 1E+2, -0.0]"))
    print(json.parse("9223372036854775807"), json.parse("-9223372036854775808"))
    print(json.parse("9223372036854775808"), json.parse("123456789012345678901234567890"))
    print(json.parse("1e400"))
# expect: [0, 0, -12, 1.5, -0.25, 1000.0, 0.0025, 100.0, -0.0]
# expect: 9223372036854775807 -9223372036854775808
# expect: 9.223372036854776e+18 1.2345678901234568e+29
# expect: inf
