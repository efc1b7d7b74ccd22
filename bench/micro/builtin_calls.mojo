# Micro program (bench/run --micro): 1,000,000 iterations of `len(xs) + abs(-i) + min(i, 5)`.
# The same program in CPython: builtin_calls.py.
fn main():
    let xs = [1, 2, 3]
    var t = 0
    for i in range(1000000):
        t += len(xs) + abs(-i) + min(i, 5)
    print(t)
# expect: 500007499985
