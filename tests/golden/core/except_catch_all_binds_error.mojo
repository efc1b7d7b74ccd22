# Checks `except e:` catches every error kind (here after a named clause that does not match)
# and binds it: str(e) is "Kind: message", plus e.kind and e.message; finally runs each time.
fn risky(n: Int) -> Int:
    if n == 1:
        raise Error("plain failure")
    if n == 2:
        raise KeyError("k2")
    return 10 * n

fn main():
    for n in [3, 1, 2]:
        try:
            print("value", risky(n))
        except ValueError as e:
            print("WRONG: ValueError clause", e)
        except e:
            print("caught:", str(e), "|", e.kind, "|", e.message)
        finally:
            print("finally", n)
# expect: value 30
# expect: finally 3
# expect: caught: Error: plain failure | Error | plain failure
# expect: finally 1
# expect: caught: KeyError: k2 | KeyError | k2
# expect: finally 2
