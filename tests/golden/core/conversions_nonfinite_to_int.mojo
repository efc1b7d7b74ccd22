# Checks int() of non-finite Floats like Python: infinity is an OverflowError, NaN a ValueError.
fn main():
    try:
        print("WRONG", int(float("inf")))
    except OverflowError as e:
        print("int(inf)", e.kind)
    try:
        print("WRONG", int(-float("inf")))
    except OverflowError as e:
        print("int(-inf)", e.kind)
    try:
        print("WRONG", int(float("nan")))
    except ValueError as e:
        print("int(nan)", e.kind)
# expect: int(inf) OverflowError
# expect: int(-inf) OverflowError
# expect: int(nan) ValueError
