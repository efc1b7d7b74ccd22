# Checks that int() of a decimal string beyond the 64-bit range raises an error (never wraps or saturates), while the extremes parse exactly.
fn main():
    print(int("9223372036854775807"), int("-9223372036854775808"))
    try:
        print("WRONG", int("9223372036854775808"))
    except e:
        print("caught", e.kind == "OverflowError" or e.kind == "ValueError")
# expect: 9223372036854775807 -9223372036854775808
# expect: caught True
