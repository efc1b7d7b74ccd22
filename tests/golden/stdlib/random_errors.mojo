# Checks the error kinds and messages of the random module's functions.
import random

def bad(which):
    if which == 0:
        return random.int(5, 3)
    elif which == 1:
        return random.int(1.5, 3)
    elif which == 2:
        return random.int(1)
    elif which == 3:
        return random.float(1)
    elif which == 4:
        return random.float("a", 2)
    elif which == 5:
        return random.choice({"a": 1})
    elif which == 6:
        return random.choice([])
    elif which == 7:
        return random.choice("")
    elif which == 8:
        return random.shuffle((1, 2))
    elif which == 9:
        return random.seed("x")
    elif which == 10:
        return random.int(1, 2, step=1)
    return random.choice([1], [2])

fn main():
    for i in range(12):
        try:
            print("WRONG", bad(i))
        except e:
            print(e)
# expect: ValueError: random.int(a, b) needs a <= b, but a = 5 and b = 3
# expect: TypeError: random.int's a must be an Int, not Float
# expect: TypeError: random.int() takes 2 arguments but 1 were given
# expect: TypeError: random.float() takes 0 or 2 arguments but 1 were given
# expect: TypeError: random.float's a must be a number, not String
# expect: TypeError: random.choice() needs a List, Tuple, String or Range, not Dict
# expect: IndexError: random.choice() from an empty sequence
# expect: IndexError: random.choice() from an empty sequence
# expect: TypeError: random.shuffle() needs a List, not Tuple
# expect: TypeError: random.seed's n must be an Int, not String
# expect: TypeError: random.int() has no parameter named `step`
# expect: TypeError: random.choice() takes 1 argument but 2 were given
