# Checks math.sin/cos/tan and the isnan/isinf/isfinite tests (Ints accepted).
import math

fn main():
    print(math.sin(0), math.cos(0), math.tan(0))
    print(math.sin(math.pi / 2), math.cos(math.pi) == -1.0)
    print(math.isnan(1.0), math.isnan(math.nan), math.isnan(3))
    print(math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
    print(math.isfinite(1), math.isfinite(math.inf), math.isfinite(math.nan))
# expect: 0.0 1.0 0.0
# expect: 1.0 True
# expect: False True False
# expect: True True False
# expect: True False False
