# Checks that using a name the math module does not export is a compile-time error.
import math

fn main():
    print(math.cbrt(8))
# expect error: module `math` has no member `cbrt`
