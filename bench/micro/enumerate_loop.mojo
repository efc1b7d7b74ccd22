# Micro program (bench/run --micro): 1,000,000 pairs of `for i, x in enumerate(xs)`.
# The same program in CPython: enumerate_loop.py.
fn main():
    let xs = [i for i in range(1000)]
    var t = 0
    for r in range(1000):
        for i, x in enumerate(xs):
            t += i * x
    print(t)
# expect: 332833500000
