# Checks that a name bound by a tuple pattern's item is the case's own variable: changing
# it in the case body changes nothing the next pass sees, a guard that fails leaves the
# item as it was for the next case, and a subject no case matches is reported whole.
fn describe(x: Int, y: Int) -> String:
    match (x, y):
        case (0, v) if v > 10:
            return "big " + str(v)
        case (0, v):
            v += 100
            return "bumped " + str(v)
        case (k, v) if k == v:
            return "pair " + str(k)
        case (1, w):
            return "one " + str(w)

fn main():
    for y in range(3):
        match (0, y):
            case (0, v):
                v = v * 10
                print("pass", y, "v", v)
    print(describe(0, 11))
    print(describe(0, 2))
    print(describe(3, 3))
    print(describe(1, 7))
    try:
        print(describe(2, 7))
    except e:
        print(e.kind, e.message)
# expect: pass 0 v 0
# expect: pass 1 v 10
# expect: pass 2 v 20
# expect: big 11
# expect: bumped 102
# expect: pair 3
# expect: one 7
# expect: MatchError no case matched (2, 7)
