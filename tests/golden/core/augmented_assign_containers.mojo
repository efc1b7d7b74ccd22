# Checks augmented assignment on Strings and Lists (`+=` concatenates/extends, `*=` repeats) and through paths.
fn main():
    var s = "a"
    s += "b"
    s *= 2
    var xs = [1]
    xs += [2]
    xs *= 2
    var grid = [[0], [1]]
    grid[1] += [5]
    var d = {"k": "x"}
    d["k"] += "y"
    print(s, xs, grid, d)
# expect: abab [1, 2, 1, 2] [[0], [1, 5]] {'k': 'xy'}
