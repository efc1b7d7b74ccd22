# Checks that mixing incompatible types is a TypeError: `<` between Int and String, String + Int, sorted() of mixed types, calling a non-function.
def anything(x):
    return x

fn main():
    try:
        print("WRONG", 1 < anything("a"))
    except TypeError as e:
        print("compare:", e.kind)
    try:
        print("WRONG", "a" + anything(1))
    except TypeError as e:
        print("concat:", e.kind)
    try:
        print("WRONG", sorted([1, "a"]))
    except TypeError as e:
        print("sorted:", e.kind)
    try:
        let f = anything(5)
        print("WRONG", f())
    except TypeError as e:
        print("call:", e.kind)
# expect: compare: TypeError
# expect: concat: TypeError
# expect: sorted: TypeError
# expect: call: TypeError
