# Checks appends in a loop (the hot loop's own path) against copies: a snapshot taken
# in an iteration keeps what the list held then, a list passed to a function that
# appends to its parameter is not changed for the caller, and strings, lists and
# Optionals are moved in without losing or sharing anything.
fn grown(xs: List[Int]) -> List[Int]:
    var ys = xs
    ys.append(99)
    return ys

fn main():
    var xs = []
    var snaps = []
    for i in range(4):
        xs.append(i)
        if i % 2 == 1:
            snaps.append(xs)
    print(xs, snaps)
    let g = grown(xs)
    print(xs, g)
    var mixed = []
    for i in range(3):
        mixed.append(str(i) + "!")
        mixed.append([i])
        mixed.append(Some(i))
    print(mixed)
    var inner = [0]
    var outer = []
    outer.append(inner)
    inner.append(1)
    print(outer, inner)
# expect: [0, 1, 2, 3] [[0, 1], [0, 1, 2, 3]]
# expect: [0, 1, 2, 3] [0, 1, 2, 3, 99]
# expect: ['0!', [0], Some(0), '1!', [1], Some(1), '2!', [2], Some(2)]
# expect: [[0]] [0, 1]
