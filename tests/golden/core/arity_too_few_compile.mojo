# Checks that calling a statically known function with a missing required argument is a compile error naming the callee.
fn scale(x: Int, factor: Int, offset: Int = 0) -> Int:
    return x * factor + offset

fn main():
    print("WRONG: ran", scale(1))
# expect error: `scale`
