# Checks `and`/`or` short-circuit and give Bool, and that `and`/`or`/`not` on a non-Bool operand is a TypeError.
def anything(x):
    return x

fn yes(tag: String) -> Bool:
    print("called", tag)
    return True

fn main():
    print(True and yes("a"))
    print(False and yes("b"))
    print(True or yes("c"))
    print(False or yes("d"))
    print(not False, not (1 > 2), not True or True)
    let one = anything(1)
    try:
        print("WRONG", one and True)
    except TypeError as e:
        print("and:", e.kind)
    try:
        print("WRONG", False or one)
    except TypeError as e:
        print("or:", e.kind)
    try:
        print("WRONG", not one)
    except TypeError as e:
        print("not:", e.kind)
    let s = anything("text")
    try:
        print("WRONG", s or False)
    except TypeError as e:
        print("string or:", e.kind)
# expect: called a
# expect: True
# expect: False
# expect: True
# expect: called d
# expect: True
# expect: True True True
# expect: and: TypeError
# expect: or: TypeError
# expect: not: TypeError
# expect: string or: TypeError
