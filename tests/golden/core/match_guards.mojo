# Checks match guards: a false guard falls through to later cases, guards see the bound names, and a guard is evaluated only when its pattern matches.
fn noisy(tag: String) -> Bool:
    print("guard", tag)
    return False

def sign(v):
    match v:
        case (x, y) if x == y:
            return "equal pair"
        case (x, y) if noisy("pair"):
            return "WRONG"
        case (x, _):
            return f"pair starting {x}"
        case n if n < 0:
            return "negative"
        case n if n > 0:
            return "positive"
        case _:
            return "zero"

fn main():
    for v in [(1, 1), (1, 2), -3, 4, 0]:
        print(sign(v))
# expect: equal pair
# expect: guard pair
# expect: pair starting 1
# expect: negative
# expect: positive
# expect: zero
