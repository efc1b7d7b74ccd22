# Checks that random.int(a, b) includes both ends and stays inside them, also for one-value and full Int ranges.
import random

fn main():
    var seen = [False, False, False, False, False, False]
    for i in range(2000):
        let r = random.int(1, 6)
        if r < 1 or r > 6:
            print("WRONG", r)
        seen[r - 1] = True
    print(seen)
    print(random.int(3, 3), random.int(-5, -5))
    let lo = -9223372036854775807 - 1
    let big = random.int(lo, 9223372036854775807)
    print(type(big))
    for i in range(200):
        let n = random.int(-2, 2)
        if n < -2 or n > 2:
            print("WRONG", n)
# expect: [True, True, True, True, True, True]
# expect: 3 -5
# expect: Int
