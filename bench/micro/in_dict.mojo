# Micro program (bench/run --micro): 1,000,000 `i % 200 in d` tests on a 100-key dict.
# The same program in CPython: in_dict.py.
fn main():
    let s = {i: True for i in range(100)}
    var n = 0
    for i in range(1000000):
        if i % 200 in s:
            n += 1
    print(n)
# expect: 500000
