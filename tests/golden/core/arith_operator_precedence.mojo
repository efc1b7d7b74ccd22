# Checks arithmetic precedence: `**` before unary minus before `* / // %` before `+ -`, left to
# right within a level, parentheses first.
fn main():
    print(20 - 2 * 3 ** 2, (20 - 2) * 3, 2 * 3 ** 2)
    print(7 + 8 // 3 % 2, 100 - 10 - 5, 2 ** 2 ** 3)
    print(-3 ** 2 + 1, 12 / 4 * 3, 17 % 5 * 2)
# expect: 2 54 18
# expect: 7 85 256
# expect: -8 9.0 4
