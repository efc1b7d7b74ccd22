# Micro program (bench/run --micro): 300,000 `"k" + str(i)` and `len` of the result.
# The same program in CPython: str_concat.py.
fn main():
    var n = 0
    for i in range(300000):
        let s = "k" + str(i)
        n += len(s)
    print(n)
# expect: 1988890
