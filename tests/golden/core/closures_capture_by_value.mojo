# Checks that nested fns capture variables by value at the point of definition: later reassignment/mutation is not seen; each loop iteration captures its own value.
fn compose(f, g):
    fn h(x: Int) -> Int:
        return f(g(x))
    return h

fn inc(x: Int) -> Int:
    return x + 1

fn dbl(x: Int) -> Int:
    return x * 2

fn main():
    var n = 1
    fn get_n() -> Int:
        return n
    n = 2
    print(get_n(), n)
    var fs = []
    for i in range(3):
        fn sq() -> Int:
            return i * i
        fs.append(sq)
    var outs = []
    for f in fs:
        outs.append(f())
    print(outs)
    var k = 0
    var gs = []
    while k < 3:
        fn gk() -> Int:
            return k
        gs.append(gk)
        k += 1
    print(gs[0](), gs[1](), gs[2](), k)
    var xs = [1, 2]
    fn total() -> Int:
        return sum(xs)
    xs.append(3)
    print(total(), sum(xs))
    let h = compose(inc, dbl)
    print(h(5), compose(dbl, inc)(5))
# expect: 1 2
# expect: [0, 1, 4]
# expect: 0 1 2 3
# expect: 3 6
# expect: 11 12
