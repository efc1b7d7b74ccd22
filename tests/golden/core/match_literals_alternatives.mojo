# Checks match on literal patterns (Int, negative Int, Float, String, Bool, None), alternatives `|`, a binding name and `_` fallbacks, first match wins.
def kind(v):
    match v:
        case True:
            return "true"
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1 | 2 | 3:
            return "small"
        case 2.5:
            return "two and a half"
        case "a" | "b":
            return "letter"
        case None:
            return "none"
        case n if n == 100:
            return "hundred"
        case _:
            return "other"

fn main():
    for v in [0, -1, 2, 3, 2.5, "b", "c", True, None, 100, 4]:
        print(kind(v))
# expect: zero
# expect: minus one
# expect: small
# expect: small
# expect: two and a half
# expect: letter
# expect: other
# expect: true
# expect: none
# expect: hundred
# expect: other
