# Checks `match (a, b):` on a tuple literal: tuple patterns test each item
# (literals, bindings, nested patterns, guards), and patterns that look at the
# whole tuple (a name, an alternative, a wrong length) see the tuple itself.
fn classify(x: Int, y: Int) -> String:
    match (x, y):
        case (0, 0):
            return "origin"
        case (0, _):
            return "on the y axis"
        case (_, 0):
            return "on the x axis"
        case (a, b) if a == b:
            return f"diagonal at {a}"
        case (1, 2) | (2, 1):
            return "one-two"
        case (a, -1):
            return f"below, x={a}"
        case pair:
            return f"elsewhere {pair}"

fn shape(v: Optional[Int], s: String) -> String:
    match (v, s):
        case (Some(n), "n"):
            return f"number {n}"
        case (None, label):
            return f"nothing, label {label}"
        case (a, b, c):
            return "never: the subject has two items"
        case _:
            return "other"

fn main():
    print(classify(0, 0))
    print(classify(0, 5))
    print(classify(5, 0))
    print(classify(3, 3))
    print(classify(2, 1))
    print(classify(7, -1))
    print(classify(7, 8))
    print(shape(Some(4), "n"))
    print(shape(None, "x"))
    print(shape(Some(4), "m"))
    var calls = 0
    match (calls + 1, "a" * 2):
        case (1, s):
            print("evaluated once, left to right:", s)
# expect: origin
# expect: on the y axis
# expect: on the x axis
# expect: diagonal at 3
# expect: one-two
# expect: below, x=7
# expect: elsewhere (7, 8)
# expect: number 4
# expect: nothing, label x
# expect: other
# expect: evaluated once, left to right: aa
