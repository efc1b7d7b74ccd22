# Checks that a function with two parameters of the same name is a compile error (Python: "duplicate argument"), located at the second one (line 2).
fn f(a: Int, a: Int) -> Int:
    return a

fn main():
    print(f(1, 2))
# expect error: fn_duplicate_param_error.mojo:2:
