# Checks that random.choice picks an element of a List, Tuple, String or Range, and eventually every one.
import random

fn main():
    let xs = [10, 20, 30]
    var hits = {}
    for i in range(300):
        let x = random.choice(xs)
        hits[x] = True
    print(sorted(hits.keys()))
    print(random.choice((7, 7)), random.choice("z"), random.choice(range(5, 6)))
    var all_in = True
    for i in range(300):
        let c = random.choice("héllo")
        let r = random.choice(range(0, 100, 10))
        if not (c in "héllo") or r % 10 != 0 or r < 0 or r > 90:
            all_in = False
    print(all_in)
# expect: [10, 20, 30]
# expect: 7 z 5
# expect: True
