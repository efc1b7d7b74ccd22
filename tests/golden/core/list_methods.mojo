# Checks List methods: append, insert (incl. negative index), pop (end and index), extend, index, remove (first match), sort, reverse, `in`, `+`, `*`, and their errors.
fn main():
    var xs = [3, 1, 2]
    xs.append(4)
    xs.insert(0, 9)
    xs.insert(-1, 7)
    print(xs)
    print(xs.pop())
    print(xs.pop(0))
    print(xs)
    xs.extend([5, 5])
    print(xs, xs.index(5))
    xs.remove(5)
    print(xs)
    xs.sort()
    print(xs)
    xs.reverse()
    print(xs)
    print(len(xs), xs.len(), 3 in xs, 4 in xs)
    print([1, 2] + [3], [0] * 3, [] + [])
    try:
        print("WRONG", xs.index(42))
    except ValueError as e:
        print("index:", e.kind)
    try:
        xs.remove(42)
        print("WRONG removed")
    except ValueError as e:
        print("remove:", e.kind)
    var empty: List[Int] = []
    try:
        print("WRONG", empty.pop())
    except IndexError as e:
        print("pop:", e.kind)
# expect: [9, 3, 1, 2, 7, 4]
# expect: 4
# expect: 9
# expect: [3, 1, 2, 7]
# expect: [3, 1, 2, 7, 5, 5] 4
# expect: [3, 1, 2, 7, 5]
# expect: [1, 2, 3, 5, 7]
# expect: [7, 5, 3, 2, 1]
# expect: 5 5 True False
# expect: [1, 2, 3] [0, 0, 0] []
# expect: index: ValueError
# expect: remove: ValueError
# expect: pop: IndexError
