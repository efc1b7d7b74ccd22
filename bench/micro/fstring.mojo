# Micro program (bench/run --micro): 300,000 f-strings `f"item {i}: {i * 2}"`.
# The same program in CPython: fstring.py.
fn main():
    var n = 0
    for i in range(300000):
        let s = f"item {i}: {i * 2}"
        n += len(s)
    print(n)
# expect: 5533335
