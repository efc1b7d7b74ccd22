# Checks that unbounded recursion through __eq__ (`self == o` inside __eq__) raises a catchable RecursionError instead of crashing.
struct S:
    var n: Int

    fn __eq__(self, o: S) -> Bool:
        return self == o

fn main():
    try:
        print("WRONG", S(1) == S(1))
    except RecursionError as e:
        print("caught", e.kind)
# expect: caught RecursionError
