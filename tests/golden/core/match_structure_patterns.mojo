# Checks structural patterns: tuples (parenthesised and bare), list patterns with exact length and `*rest`, struct patterns by type and positional fields, nesting.
struct Point:
    var x: Int
    var y: Int

def shape(v):
    match v:
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [a, b, *rest]:
            return f"first {a} {b} rest {rest}"
        case (0, y):
            return f"tuple on axis {y}"
        case (a, (b, c)):
            return f"nested {a} {b} {c}"
        case (a, b):
            return f"pair {a} {b}"
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis {x}"
        case Point(_, y):
            return f"point with y {y}"
        case _:
            return "other"

fn main():
    let samples = [[], [7], [1, 2], [1, 2, 3, 4], (0, 5), (1, (2, 3)), (1, 2), Point(0, 0), Point(4, 0), Point(4, 4), (1, 2, 3)]
    for s in samples:
        print(shape(s))
    match (2, "two"):
        case 1, name:
            print("WRONG", name)
        case 2, name:
            print("bare tuple", name)
# expect: empty list
# expect: one 7
# expect: first 1 2 rest []
# expect: first 1 2 rest [3, 4]
# expect: tuple on axis 5
# expect: nested 1 2 3
# expect: pair 1 2
# expect: origin
# expect: on x axis 4
# expect: point with y 4
# expect: other
# expect: bare tuple two
