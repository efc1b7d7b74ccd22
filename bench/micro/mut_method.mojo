# Micro program (bench/run --micro): 2,000,000 calls of a `mut self` method `c.add(i)` on a local struct.
# The same program in CPython: mut_method.py.
struct Counter:
    var n: Int

    fn add(mut self, k: Int):
        self.n += k

fn main():
    var c = Counter(0)
    for i in range(2000000):
        c.add(i)
    print(c.n)
# expect: 1999999000000
