# Micro program (bench/run --micro): a `while i < n` loop of 3,000,000 iterations with two `+=`.
# The same program in CPython: while_loop.py.
fn main():
    var i = 0
    var t = 0
    while i < 3000000:
        t += i
        i += 1
    print(t)
# expect: 4499998500000
