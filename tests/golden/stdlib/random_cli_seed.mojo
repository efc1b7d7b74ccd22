# args: --seed 7
# Checks that `--seed 7` seeds the generator exactly as `random.seed(7)` does.
import random

fn main():
    let a = [random.int(1, 1000), random.int(1, 1000), random.int(1, 1000)]
    random.seed(7)
    let b = [random.int(1, 1000), random.int(1, 1000), random.int(1, 1000)]
    print(a == b)
# expect: True
