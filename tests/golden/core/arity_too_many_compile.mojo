# Checks that calling a statically known function with too many arguments is a compile error located at the call (line 6).
fn add(a: Int, b: Int) -> Int:
    return a + b

fn main():
    print(add(1, 2, 3))
# expect error: arity_too_many_compile.mojo:6:
