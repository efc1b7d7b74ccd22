# Checks that int()/float() of malformed text raise ValueError,, and int() of a Float beyond the Int range raises OverflowError.
fn main():
    for s in ["abc", "", "1.5", "12a", "0x10", " "]:
        try:
            print("WRONG", int(s))
        except ValueError as e:
            print("int", repr(s), e.kind)
    for s in ["abc", "", "1.2.3"]:
        try:
            print("WRONG", float(s))
        except ValueError as e:
            print("float", repr(s), e.kind)
    try:
        print("WRONG", int(1e30))
    except OverflowError as e:
        print("int(1e30)", e.kind)
# expect: int 'abc' ValueError
# expect: int '' ValueError
# expect: int '1.5' ValueError
# expect: int '12a' ValueError
# expect: int '0x10' ValueError
# expect: int ' ' ValueError
# expect: float 'abc' ValueError
# expect: float '' ValueError
# expect: float '1.2.3' ValueError
# expect: int(1e30) OverflowError
