# Checks that random.float() lies in [0, 1) and random.float(a, b) in [a, b).
import random

fn main():
    var ok = True
    for i in range(1000):
        let u = random.float()
        let v = random.float(-2, 3.5)
        if u < 0.0 or u >= 1.0 or v < -2.0 or v >= 3.5:
            ok = False
    print(ok, type(random.float()))
# expect: True Float
