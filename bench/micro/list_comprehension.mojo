# Micro program (bench/run --micro): a 3,000,000-element list comprehension `[i * 2 for i in range(n)]`.
# The same program in CPython: list_comprehension.py.
fn main():
    let xs = [i * 2 for i in range(3000000)]
    print(len(xs))
# expect: 3000000
