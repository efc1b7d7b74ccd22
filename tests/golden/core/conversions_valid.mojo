# Checks int()/float()/str()/bool() conversions: parsing with signs and surrounding whitespace, truncation toward zero, Bool to Int, str of every basic value.
fn main():
    print(int("42"), int("-17"), int(" 8 "), int("+5"), int(3.99), int(-3.99), int(True), int(7))
    print(float("2.5"), float("1e3"), float(3), float("-0.5"), float(" 7 "), float("inf"))
    print(str(12), str(1.0), str(True), str(None), str([1, "a"]), str("s"), str(-0.5))
    print(int(float("1e3")), int("007"), float(int("12")))
    print(bool(0), bool(2), bool(""), bool("x"), bool([]), bool([0]))
# expect: 42 -17 8 5 3 -3 1 7
# expect: 2.5 1000.0 3.0 -0.5 7.0 inf
# expect: 12 1.0 True None [1, 'a'] s -0.5
# expect: 1000 7 12.0
# expect: False True False True False True
