# Checks that a finite math result too large for a Float raises OverflowError, while infinite input passes through.
import math

fn main():
    try:
        print("WRONG", math.pow(10, 400))
    except OverflowError as e:
        print(e)
    try:
        print("WRONG", math.exp(1000))
    except OverflowError as e:
        print(e)
    print(math.pow(math.inf, 2), math.exp(math.inf), math.exp(-math.inf))
# expect: OverflowError: math range error: pow result too large
# expect: OverflowError: math range error: exp result too large
# expect: inf inf 0.0
