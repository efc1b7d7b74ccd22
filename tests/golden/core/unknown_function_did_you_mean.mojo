# Checks that a misspelled builtin call is a compile error suggesting the builtin.
fn main():
    prnt("hello")
# expect error: did you mean `print`?
