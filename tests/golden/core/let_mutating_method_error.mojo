# Checks that calling a mutating List method on a `let` binding is a compile error at the call (line 4), as `xs[0] = v` on a `let` already is.
fn main():
    let xs = [1]
    xs.append(2)
    print(xs)
# expect error: let_mutating_method_error.mojo:4:
