# Checks comparison chains: `a < b < c` means `a < b and b < c`, each operand is evaluated at most once, and the chain short-circuits.
fn mid(x: Int) -> Int:
    print("eval", x)
    return x

fn main():
    print(1 < 2 < 3, 3 > 2 > 1, 1 < 3 < 2)
    print(1 <= 1 < 2 == 2, 1 == 1.0, 2 != 2.0)
    print(1 < mid(5) < 10)
    print(5 < mid(1) < mid(10))
    let x = 5
    print(0 < x <= 5, 0 < x < 5, 10 > x >= 5 > 4)
    print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "ab" < "abc")
    print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1, 2] == [1, 2])
# expect: True True False
# expect: True True False
# expect: eval 5
# expect: True
# expect: eval 1
# expect: False
# expect: True False True
# expect: True True True True
# expect: True True True
