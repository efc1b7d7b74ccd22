# Checks that a memberwise constructor call with a missing field is a compile error located at the call (line 7).
struct Point:
    var x: Int
    var y: Int

fn main():
    print(Point(1))
# expect error: struct_ctor_arity_error.mojo:7:
