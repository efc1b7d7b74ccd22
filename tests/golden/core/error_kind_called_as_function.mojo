# Checks that an error kind is called like a function to make an Error value, without raising
# it: the value has .kind and .message, and str() gives "Kind: message".
fn main():
    let e = KeyError("no such user")
    print(e.kind, "|", e.message, "|", str(e))
    let g = Error("generic")
    print(g.kind, str(g))
    let errs = [ValueError("v"), ZeroDivisionError("z"), TimeoutError("t")]
    for x in errs:
        print(x)
# expect: KeyError | no such user | KeyError: no such user
# expect: Error Error: generic
# expect: ValueError: v
# expect: ZeroDivisionError: z
# expect: TimeoutError: t
