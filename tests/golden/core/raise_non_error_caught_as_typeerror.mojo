# Checks that `raise` of a value that is not an Error (an Int, a List) raises a catchable
# TypeError instead.
fn main():
    try:
        raise 7
    except TypeError as e:
        print("raise 7 gave", e.kind)
    try:
        raise [1, 2]
    except TypeError as e:
        print("raise a list gave", e.kind)
# expect: raise 7 gave TypeError
# expect: raise a list gave TypeError
