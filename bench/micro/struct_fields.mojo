# Micro program (bench/run --micro): 1,000,000 `P(i, 2)` struct constructions and two field reads.
# The same program in CPython: struct_fields.py.
struct P:
    var x: Int
    var y: Int

fn main():
    var t = 0
    for i in range(1000000):
        let p = P(i, 2)
        t += p.x + p.y
    print(t)
# expect: 500001500000
