# Checks that random.shuffle(xs) shuffles the caller's list in place (a permutation, returns None), like Python.
import random

fn main():
    var xs = [1, 2, 3, 4, 5, 6, 7, 8]
    let original = xs
    print(random.shuffle(xs))
    print(sorted(xs) == original, len(xs))
    var moved = False
    for i in range(20):
        random.shuffle(xs)
        if xs != original:
            moved = True
    print(moved, original)
    var empty = []
    random.shuffle(empty)
    print(empty)
# expect: None
# expect: True 8
# expect: True [1, 2, 3, 4, 5, 6, 7, 8]
# expect: []
