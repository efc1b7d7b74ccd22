# Micro program (bench/run --micro): 300,000 string method calls (`startswith`, `upper`) and indexing.
# The same program in CPython: string_methods.py.
fn main():
    var n = 0
    let words = ["alpha", "beta", "gamma"]
    for i in range(300000):
        let w = words[i % 3]
        if w.startswith("a"):
            n += len(w.upper())
    print(n)
# expect: 500000
