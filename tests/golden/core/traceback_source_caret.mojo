# Checks that the runtime error report shows the failing source line followed by a caret line.
fn main():
    let xs = [1, 2]
    print(xs[7])
# expect runtime error: ^
