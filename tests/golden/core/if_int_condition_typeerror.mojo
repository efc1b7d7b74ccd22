# Checks that `if`, `elif` and `while` need a Bool: an Int, String, List or None condition is a TypeError (no Python truthiness).
def anything(x):
    return x

fn main():
    let n = anything(3)
    try:
        if n:
            print("WRONG: Int condition taken")
        print("WRONG: after if")
    except TypeError as e:
        print("if:", e.kind)
    try:
        while n:
            print("WRONG: Int loop condition")
            break
        print("WRONG: after while")
    except TypeError as e:
        print("while:", e.kind)
    try:
        if n == 0:
            print("WRONG")
        elif anything(""):
            print("WRONG: String condition taken")
        else:
            print("WRONG: else taken")
    except TypeError as e:
        print("elif:", e.kind)
    try:
        if anything([1]):
            print("WRONG: List condition taken")
    except TypeError as e:
        print("list:", e.kind)
    try:
        if anything(None):
            print("WRONG")
        else:
            print("WRONG: None treated as False")
    except TypeError as e:
        print("none:", e.kind)
    if n == 3:
        print("comparison ok")
# expect: if: TypeError
# expect: while: TypeError
# expect: elif: TypeError
# expect: list: TypeError
# expect: none: TypeError
# expect: comparison ok
