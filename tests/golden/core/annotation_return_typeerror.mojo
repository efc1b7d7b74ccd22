# Checks that a return annotation is checked when the function returns: returning a String
# from `-> Int` raises a catchable TypeError.
def untyped(x):
    return x

fn count_words(s: String) -> Int:
    return untyped(s.upper())

fn main():
    try:
        print("WRONG", count_words("a b"))
    except TypeError as e:
        print("return check:", e.kind)
# expect: return check: TypeError
