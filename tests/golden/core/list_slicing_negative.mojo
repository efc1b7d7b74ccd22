# Checks List negative indices, slices with defaults/out-of-range bounds, index assignment through paths, and IndexError on bad indices.
fn main():
    let xs = [10, 20, 30, 40, 50]
    print(xs[-1], xs[-5], xs[1:3], xs[:2], xs[3:], xs[-2:])
    print(xs[1:100], xs[7:])
    print(xs[-100:2], xs[3:1], xs[:-1])
    var ys = xs
    ys[-1] = 99
    ys[0] += 1
    print(ys, xs)
    var grid = [[1, 2], [3, 4]]
    grid[1][0] = 7
    grid[-1][-1] *= 10
    print(grid)
    try:
        print("WRONG", xs[5])
    except IndexError as e:
        print("caught", e.kind)
    try:
        print("WRONG", xs[-6])
    except IndexError as e:
        print("caught", e.kind)
    try:
        ys[10] = 1
        print("WRONG assigned")
    except IndexError as e:
        print("caught", e.kind)
# expect: 50 10 [20, 30] [10, 20] [40, 50] [40, 50]
# expect: [20, 30, 40, 50] []
# expect: [10, 20] [] [10, 20, 30, 40]
# expect: [11, 20, 30, 40, 99] [10, 20, 30, 40, 50]
# expect: [[1, 2], [7, 40]]
# expect: caught IndexError
# expect: caught IndexError
# expect: caught IndexError
