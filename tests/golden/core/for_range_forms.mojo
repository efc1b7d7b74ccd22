# Checks range forms in for loops and list(): range(n), range(a, b), negative step, empty ranges, `a..b`, `a..=b`; a zero step is a ValueError.
fn main():
    var out = []
    for i in range(10, 0, -3):
        out.append(i)
    print(out)
    print(list(range(4)), list(range(2, 5)), list(range(0, 10, 4)))
    print(list(range(5, 0)), list(range(0)), list(range(-2)), list(range(0, -5, -2)))
    var xs = []
    for i in 1..4:
        xs.append(i)
    var ys = []
    for i in 1..=4:
        ys.append(i)
    print(xs, ys)
    var total = 0
    for i in range(-3, 3):
        total += i
    print(total)
    try:
        for i in range(0, 5, 0):
            print("WRONG", i)
    except ValueError as e:
        print("zero step:", e.kind)
# expect: [10, 7, 4, 1]
# expect: [0, 1, 2, 3] [2, 3, 4] [0, 4, 8]
# expect: [] [] [] [0, -2, -4]
# expect: [1, 2, 3] [1, 2, 3, 4]
# expect: -3
# expect: zero step: ValueError
