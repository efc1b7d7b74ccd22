# Checks bitwise operators on Int (Python semantics for negatives), and that a left shift out of the 64-bit range raises OverflowError instead of wrapping.
fn main():
    print(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1)
    print(1 << 10, -8 >> 1, -1 >> 5, 256 >> 4, -1 & 0xff)
    print(1 << 62)
    try:
        print("WRONG", 1 << 63)
    except OverflowError as e:
        print("shl", e.kind)
    try:
        print("WRONG", 3 << 62)
    except OverflowError as e:
        print("shl", e.kind)
# expect: 1 7 6 -6 0
# expect: 1024 -4 -1 16 255
# expect: 4611686018427387904
# expect: shl OverflowError
# expect: shl OverflowError
