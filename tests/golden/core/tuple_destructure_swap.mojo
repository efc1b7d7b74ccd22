# Checks tuples: `let (a, b) = t`, swap and rotate with `a, b = b, a`, one-element `(x,)`, concatenation, indexing, equality, returning tuples.
fn divmod2(a: Int, b: Int) -> Tuple[Int, Int]:
    return (a // b, a % b)

fn main():
    let pair = (1, "a")
    let (a, b) = pair
    print(a, b)
    var x = 1
    var y = 2
    x, y = y, x
    print(x, y)
    var i = 1
    var j = 2
    var k = 3
    i, j, k = j, k, i
    print(i, j, k)
    let t = (5,)
    print(t, len(t), (1, 2) + (3,), ())
    print(pair[0], pair[-1], pair == (1, "a"), pair != (1, "b"))
    let (q, r) = divmod2(17, 5)
    print(q, r, divmod2(-7, 2))
    print((1, [2, 3], "s"), (1, 2) * 2)
# expect: 1 a
# expect: 2 1
# expect: 2 3 1
# expect: (5,) 1 (1, 2, 3) ()
# expect: 1 a True True
# expect: 3 2 (-4, 1)
# expect: (1, [2, 3], 's') (1, 2, 1, 2)
