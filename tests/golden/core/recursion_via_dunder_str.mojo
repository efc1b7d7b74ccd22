# Checks that unbounded recursion through __str__ (str(self) inside __str__) raises a catchable RecursionError instead of overflowing the native stack.
struct S:
    var n: Int

    fn __str__(self) -> String:
        return str(self)

fn main():
    try:
        print("WRONG", S(1))
    except RecursionError as e:
        print("caught", e.kind)
# expect: caught RecursionError
