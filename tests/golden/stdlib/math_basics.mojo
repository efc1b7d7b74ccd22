# Checks math.sqrt/floor/ceil and the constants pi, e, inf, nan.
import math

fn main():
    print(math.sqrt(16), math.sqrt(2.25))
    print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.5), math.floor(7))
    print(math.pi, math.e)
    print(math.inf, -math.inf, math.inf > 1e308)
    print(math.nan == math.nan, math.isnan(math.nan))
# expect: 4.0 1.5
# expect: 2 -3 3 -2 7
# expect: 3.141592653589793 2.718281828459045
# expect: inf -inf True
# expect: False True
