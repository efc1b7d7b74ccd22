# Checks that raising a non-Error value (a String) is itself a TypeError, which escaping main gives exit status 1.
fn main():
    print("start")
    raise "oops"
# expect: start
# expect runtime error: TypeError
