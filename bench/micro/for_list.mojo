# Micro program (bench/run --micro): 3,000,000 iterations of `for x in xs` summing a 1,000-element list.
# The same program in CPython: for_list.py.
fn main():
    let xs = [i for i in range(1000)]
    var t = 0
    for r in range(3000):
        for x in xs:
            t += x
    print(t)
# expect: 1498500000
