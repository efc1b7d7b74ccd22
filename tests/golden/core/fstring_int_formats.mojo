# Checks f-string Int specs: `d`, `x`, `b` (with negative values, fill and width) and `%` on Floats and Ints.
fn main():
    let n = 42
    print(f"{255:x} {10:b} {n:d} {-42:d} {0:b}")
    print(f"{-255:x} {-5:b}")
    print(f"{5:0>8b} [{255:>6x}] {3:*<4d} [{n:^6d}]")
    print(f"{0.256:%} {0.256:.1%} {1:.0%} {0.5:.0%}")
# expect: ff 1010 42 -42 0
# expect: -ff -101
# expect: 00000101 [    ff] 3*** [  42  ]
# expect: 25.600000% 25.6% 100% 50%
