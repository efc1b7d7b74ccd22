# Checks exception propagation order through nested finally blocks, and that an error raised inside an except clause still runs that try's finally.
fn main():
    try:
        try:
            try:
                raise KeyError("k")
            finally:
                print("inner")
        finally:
            print("middle")
    except KeyError as e:
        print("caught", e.message)
    try:
        try:
            raise ValueError("a")
        except ValueError as e:
            print("handling", e.message)
            raise IndexError("b")
        finally:
            print("finally after except raise")
    except IndexError as e:
        print("outer", e.kind, e.message)
    try:
        raise ValueError("first")
    except KeyError as e:
        print("WRONG: wrong clause")
    except ValueError as e:
        print("second clause", e.message)
    except e:
        print("WRONG: catch-all after match")
# expect: inner
# expect: middle
# expect: caught k
# expect: handling a
# expect: finally after except raise
# expect: outer IndexError b
# expect: second clause first
