# Checks List slices with a step (Python `a[start:stop:step]`), including negative steps and omitted bounds.
fn main():
    let xs = [10, 20, 30, 40, 50]
    print(xs[::2], xs[::-1], xs[4:1:-1], xs[1::2], xs[:2:-1], xs[-1:-4:-2])
    let t = (1, 2, 3, 4)
    print(t[::-1], t[1:3])
# expect: [10, 30, 50] [50, 40, 30, 20, 10] [50, 40, 30] [20, 40] [50, 40] [50, 30]
# expect: (4, 3, 2, 1) (2, 3)
