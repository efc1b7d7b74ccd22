# Checks that a syntax error (a binary operator with no left operand) is a compile-time error
# (exit status 2) located at its line (5), and nothing runs.
fn main():
    print("WRONG: ran")
    let total = 4 + / 2
    print(total)
# expect error: syntax_error_location.mojo:5:
