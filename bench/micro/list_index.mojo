# Micro program (bench/run --micro): 3,000,000 `t += xs[i]` over a 1,000-element list.
# The same program in CPython: list_index.py.
fn main():
    let xs = [i for i in range(1000)]
    var t = 0
    for r in range(3000):
        for i in range(1000):
            t += xs[i]
    print(t)
# expect: 1498500000
