# Checks that math functions outside their domain raise ValueError with a message naming the function.
import math

def apply(name, x):
    if name == "sqrt":
        return math.sqrt(x)
    elif name == "log":
        return math.log(x)
    elif name == "log base":
        return math.log(8, x)
    elif name == "log2":
        return math.log2(x)
    elif name == "log10":
        return math.log10(x)
    elif name == "pow half":
        return math.pow(x, 0.5)
    elif name == "pow -1":
        return math.pow(x, -1)
    elif name == "sin":
        return math.sin(x)
    elif name == "cos":
        return math.cos(x)
    return math.tan(x)

fn main():
    let cases = [("sqrt", -1.0), ("log", 0.0), ("log", -2.5), ("log base", 1.0), ("log2", 0.0), ("log10", -1.0),
                 ("pow half", -8.0), ("pow -1", 0.0), ("sin", math.inf), ("cos", -math.inf), ("tan", math.inf)]
    for (name, x) in cases:
        try:
            print("WRONG", apply(name, x))
        except ValueError as e:
            print(e)
# expect: ValueError: math domain error: sqrt of a negative number
# expect: ValueError: math domain error: log of a non-positive number or base
# expect: ValueError: math domain error: log of a non-positive number or base
# expect: ValueError: math domain error: log of a non-positive number or base
# expect: ValueError: math domain error: log2 of a non-positive number
# expect: ValueError: math domain error: log10 of a non-positive number
# expect: ValueError: math domain error: pow of a negative number to a fractional power
# expect: ValueError: math domain error: pow of zero to a negative power
# expect: ValueError: math domain error: sin of an infinite number
# expect: ValueError: math domain error: cos of an infinite number
# expect: ValueError: math domain error: tan of an infinite number
