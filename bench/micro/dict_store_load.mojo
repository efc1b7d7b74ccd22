# Micro program (bench/run --micro): 300,000 `d[i % 1000] = i` then 300,000 `t += d[i % 1000]`.
# The same program in CPython: dict_store_load.py.
fn main():
    var d = {}
    for i in range(300000):
        d[i % 1000] = i
    var t = 0
    for i in range(300000):
        t += d[i % 1000]
    print(t)
# expect: 89849850000
