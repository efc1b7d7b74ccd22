# Checks `if let` / `while let` with inner patterns that are not a plain name: a wildcard,
# a literal, a tuple, a nested Optional, a non-Optional subject, and a module-level binding.
fn pairs() -> List[Optional[Tuple[Int, Int]]]:
    return [Some((1, 2)), None, Some((3, 4))]

if let Some(top) = Some("module level"):
    print(top)

fn main():
    if let Some(_) = Some(5):
        print("wildcard matched")
    if let Some(_) = None:
        print("WRONG wildcard on None")
    if let Some(3) = Some(3):
        print("literal 3 matched")
    if let Some(3) = Some(4):
        print("WRONG literal 3 on 4")
    else:
        print("literal 3 did not match 4")
    for p in pairs():
        if let Some((a, b)) = p:
            print("pair", a + b)
        else:
            print("no pair")
    if let Some(Some(x)) = Some(Some(7)):
        print("nested", x)
    if let Some(Some(x)) = Some(None):
        print("WRONG nested", x)
    else:
        print("inner None")
    if let Some(x) = 42:
        print("WRONG on Int", x)
    else:
        print("Int is not Some")
    if let Err(e) = Err("bad"):
        print("err", e)
    if let Ok(v) = Err("bad"):
        print("WRONG ok", v)
    var n = 0
    var xs = [Some(1), Some(2), None, Some(9)]
    var i = 0
    while let Some(v) = xs[i]:
        n += v
        i += 1
    print("sum before None", n)
    var shared = [1, 2]
    let opt = Some(shared)
    if let Some(ys) = opt:
        ys.append(3)
        print(len(ys), len(opt.unwrap()))
# expect: module level
# expect: wildcard matched
# expect: literal 3 matched
# expect: literal 3 did not match 4
# expect: pair 3
# expect: no pair
# expect: pair 7
# expect: nested 7
# expect: inner None
# expect: Int is not Some
# expect: err bad
# expect: sum before None 3
# expect: 3 2
