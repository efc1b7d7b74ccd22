# Micro program (bench/run --micro): 1,000,000 calls returning a pair, unpacked `let (a, b) = pair(i)`.
# The same program in CPython: tuple_return.py.
fn pair(i: Int) -> (Int, Int):
    return (i, i + 1)

fn main():
    var t = 0
    for i in range(1000000):
        let (a, b) = pair(i)
        t += a + b
    print(t)
# expect: 1000000000000
