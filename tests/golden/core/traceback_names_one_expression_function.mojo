# Checks that an error inside a function whose body is one `return <expr>` (compiled
# inline at its call) is reported in that function, at its line (4), called from main.
fn ratio(a: Int, b: Int) -> Int:
    return a // b

fn main():
    print(ratio(1, 0))
# expect runtime error: traceback_names_one_expression_function.mojo:4:12: in ratio
