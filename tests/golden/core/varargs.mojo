# Checks `*args`: zero or more extra positional arguments collected after the fixed ones, usable with len and for.
fn total(*nums: Int) -> Int:
    var s = 0
    for n in nums:
        s += n
    return s

fn label(prefix: String, *parts) -> String:
    var out = prefix
    for p in parts:
        out += "-" + str(p)
    return out

def count(*xs):
    return len(xs)

fn main():
    print(total(), total(1), total(1, 2, 3))
    print(label("x"), label("x", 1, "b", 2.5))
    print(count(), count(None, None, [1]))
# expect: 0 1 6
# expect: x x-1-b-2.5
# expect: 0 3
