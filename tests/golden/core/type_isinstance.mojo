# Checks type() names the runtime type (as in the spec's type table) and isinstance() against built-in types, error kinds and structs.
struct Point:
    var x: Int

fn main():
    print(type(1), type(1.5), type("s"), type(True), type(None))
    print(type([1]), type({"a": 1}), type((1, 2)), type(Point(1)))
    print(type(1) == type(2), type(1) == type(1.0))
    print(isinstance(1, Int), isinstance(1, Float), isinstance(1.5, Float), isinstance("s", String))
    print(isinstance([1], List), isinstance({"a": 1}, Dict), isinstance(Point(1), Point), isinstance(3, Point))
    print(isinstance(ValueError("x"), ValueError), isinstance(ValueError("x"), KeyError), isinstance(True, Bool))
# expect: Int Float String Bool NoneType
# expect: List Dict Tuple Point
# expect: True False
# expect: True False True True
# expect: True True True False
# expect: True False True
