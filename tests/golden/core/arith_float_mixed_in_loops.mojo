# Checks Float arithmetic of locals in a loop (worked out in place) against the general
# rules: Int and Float mix into a Float, true division of Ints is a Float, infinities and
# NaN come out of overflow and inf - inf, and dividing by 0.0 still raises with its place.
fn main():
    var x = 0.0
    var n = 0
    for i in range(1, 6):
        x = x * 0.5 + i
        n += i
    print(x, n / 4, 7 / 2, 1 + 0.25, 3 * 1.5 - 1)
    var big = 1e308
    for _ in range(2):
        big = big * 10.0
    print(big, big - big, -big)
    let zero = 0.0
    var acc = 1.0
    for i in range(3):
        acc = acc / (zero + 2 - i)
        print(acc)
# expect: 8.0625 3.75 3.5 1.25 3.5
# expect: inf nan -inf
# expect: 0.5
# expect: 0.5
# expect runtime error: ZeroDivisionError: float division by zero
