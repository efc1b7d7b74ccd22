# Checks that a struct declaring the same field twice is a compile error located at the second declaration (line 4).
struct P:
    var x: Int
    var x: Int

fn main():
    print(P(1, 2))
# expect error: struct_duplicate_field_error.mojo:4:
