# Checks every arithmetic augmented assignment on an Int (+= -= *= //= %=) and that `/=` turns
# it into a Float.
fn main():
    var n = 17
    n += 4
    print(n)
    n -= 6
    print(n)
    n *= 3
    print(n)
    n //= 4
    print(n)
    n %= 7
    print(n)
    n /= 4
    print(n, type(n))
    var f = 1.5
    f *= 2
    print(f)
# expect: 21
# expect: 15
# expect: 45
# expect: 11
# expect: 4
# expect: 1.0 Float
# expect: 3.0
