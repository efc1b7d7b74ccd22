# Checks a list comprehension with several `for` clauses (and an `if` between them), iterating like nested loops, outermost first.
fn main():
    print([(i, j) for i in range(2) for j in range(2)])
    print([x * y for x in [1, 2, 3] if x != 2 for y in [10, 100]])
    print([c for w in ["ab", "cd"] for c in w])
# expect: [(0, 0), (0, 1), (1, 0), (1, 1)]
# expect: [10, 100, 30, 300]
# expect: ['a', 'b', 'c', 'd']
