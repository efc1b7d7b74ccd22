# Checks list comprehensions: mapping, filtering, over strings/dicts, nested comprehensions and captured outer variables.
fn main():
    print([x * x for x in range(5)])
    print([x for x in range(10) if x % 3 == 0])
    print([c.upper() for c in "abc"])
    print([[j for j in range(i)] for i in range(3)])
    let base = 10
    print([base + x for x in [1, 2]], [k for k in {"a": 1, "b": 2}])
    print([x for x in [] if x > 0], [s for s in ["a", "bb", "ccc"] if len(s) >= 2])
# expect: [0, 1, 4, 9, 16]
# expect: [0, 3, 6, 9]
# expect: ['A', 'B', 'C']
# expect: [[], [0], [0, 1]]
# expect: [11, 12] ['a', 'b']
# expect: [] ['bb', 'ccc']
