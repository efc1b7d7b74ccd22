# Checks that random.seed(n) restarts the sequence: the same seed gives the same draws, another seed different ones.
import random

def draws():
    var out = []
    for i in range(5):
        out.append(random.int(0, 1000000))
    out.append(random.float())
    out.append(random.choice(["a", "b", "c", "d", "e", "f", "g"]))
    return out

fn main():
    random.seed(42)
    let first = draws()
    random.seed(42)
    let second = draws()
    random.seed(43)
    let third = draws()
    print(first == second, first == third)
# expect: True False
