# Checks the TypeErrors of math functions called with the wrong number or type of arguments.
import math

def bad(which, x):
    if which == 0:
        return math.pow(x)
    elif which == 1:
        return math.log(x, 2, 3)
    elif which == 2:
        return math.exp(x)
    elif which == 3:
        return math.isnan(x)
    return math.sin()

fn main():
    let args = [2, 1, "1", None, 0]
    for i in range(5):
        try:
            print("WRONG", bad(i, args[i]))
        except TypeError as e:
            print(e)
# expect: TypeError: pow() takes 2 arguments but 1 were given
# expect: TypeError: log() takes 1 or 2 arguments but 3 were given
# expect: TypeError: exp() needs a number, not String
# expect: TypeError: isnan() needs a number, not NoneType
# expect: TypeError: sin() takes 1 argument but 0 were given
