# Checks that an Int overflow nobody catches ends the program with exit status 1 and an
# OverflowError report, after the output printed so far (it never wraps round).
fn grow(n: Int) -> Int:
    return n * 1000

fn main():
    var x = 1
    for i in range(7):
        x = grow(x)
        print(x)
    print("WRONG: kept going", x)
# expect: 1000
# expect: 1000000
# expect: 1000000000
# expect: 1000000000000
# expect: 1000000000000000
# expect: 1000000000000000000
# expect runtime error: error: OverflowError
