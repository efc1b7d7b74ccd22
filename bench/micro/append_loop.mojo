# Micro program (bench/run --micro): 3,000,000 `xs.append(i)` on a local list in a loop.
# The same program in CPython: append_loop.py.
fn main():
    var xs = []
    for i in range(3000000):
        xs.append(i)
    print(len(xs))
# expect: 3000000
