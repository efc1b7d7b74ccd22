# Checks that a passing assert does nothing and a failing assert(cond, msg) stops the program with exit 1 and the message on stderr.
fn main():
    let x = 2
    assert(x == 2, "x should be two")
    print("passed")
    assert(x > 5, "x is too small")
    print("WRONG: after failed assert")
# expect: passed
# expect runtime error: x is too small
