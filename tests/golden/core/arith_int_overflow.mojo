# Checks that every Int operation that leaves the 64-bit range (+ - * ** unary - // abs +=) raises a catchable OverflowError.
fn main():
    let big = 9223372036854775807
    let small = -big - 1
    print(small, big, small + big, 2 ** 62)
    try:
        print("WRONG", big + 1)
    except OverflowError as e:
        print("add", e.kind)
    try:
        print("WRONG", small - 1)
    except OverflowError as e:
        print("sub", e.kind)
    try:
        print("WRONG", big * 2)
    except OverflowError as e:
        print("mul", e.kind)
    try:
        print("WRONG", -small)
    except OverflowError as e:
        print("neg", e.kind)
    try:
        print("WRONG", 2 ** 64)
    except OverflowError as e:
        print("pow", e.kind)
    try:
        print("WRONG", small // -1)
    except OverflowError as e:
        print("floordiv", e.kind)
    try:
        print("WRONG", abs(small))
    except OverflowError as e:
        print("abs", e.kind)
    try:
        var c = big
        c += 1
        print("WRONG", c)
    except OverflowError as e:
        print("augmented", e.kind)
    print(small % -1, -(small + 1))
# expect: -9223372036854775808 9223372036854775807 -1 4611686018427387904
# expect: add OverflowError
# expect: sub OverflowError
# expect: mul OverflowError
# expect: neg OverflowError
# expect: pow OverflowError
# expect: floordiv OverflowError
# expect: abs OverflowError
# expect: augmented OverflowError
# expect: 0 9223372036854775807
