# Micro program (bench/run --micro): 1,000,000 pairs of `for k, v in d.items()`.
# The same program in CPython: dict_items_loop.py.
fn main():
    var d = {}
    for i in range(1000):
        d[i] = i
    var t = 0
    for r in range(1000):
        for k, v in d.items():
            t += k + v
    print(t)
# expect: 999000000
