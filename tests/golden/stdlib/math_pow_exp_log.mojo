# Checks math.pow (always a Float), exp, log with and without a base, log2, log10.
import math

fn main():
    print(math.pow(2, 10), math.pow(2.0, -1), math.pow(9, 0.5), math.pow(-2, 3))
    print(math.exp(0), math.exp(1) == math.e)
    print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10))
    print(math.log2(1024), math.log10(1000), math.log(math.inf))
    print(math.isnan(math.log(math.nan)))
# expect: 1024.0 0.5 3.0 -8.0
# expect: 1.0 True
# expect: 0.0 1.0 3.0 2.0
# expect: 10.0 3.0 inf
# expect: True
