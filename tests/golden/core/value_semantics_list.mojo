# Checks List value semantics: assignment, argument passing, nesting into another list and element extraction all copy; mutating the copy leaves the original unchanged.
fn mutate(xs: List[Int]) -> List[Int]:
    xs.append(99)
    xs[0] = -1
    return xs

fn main():
    let a = [1, 2]
    var b = a
    b.append(3)
    print(a, b)
    let c = mutate(a)
    print(a, c)
    var nested = [[1], [2]]
    var copy = nested
    copy[0].append(5)
    print(nested, copy)
    var inner = nested[1]
    inner.append(7)
    print(nested, inner)
    var lists = [a, a]
    lists[0].append(0)
    print(lists, a)
# expect: [1, 2] [1, 2, 3]
# expect: [1, 2] [-1, 2, 99]
# expect: [[1], [2]] [[1, 5], [2]]
# expect: [[1], [2]] [2, 7]
# expect: [[1, 2, 0], [1, 2]] [1, 2]
