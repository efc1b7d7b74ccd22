# Checks that Int and Float division/floor-division/modulo by zero all raise a catchable ZeroDivisionError.
def zero(x):
    return x

fn main():
    let z = zero(0)
    let fz = zero(0.0)
    try:
        print("WRONG", 1 / z)
    except ZeroDivisionError as e:
        print("int /", e.kind)
    try:
        print("WRONG", 1.5 / fz)
    except ZeroDivisionError as e:
        print("float /", e.kind)
    try:
        print("WRONG", 1.5 // fz)
    except ZeroDivisionError as e:
        print("float //", e.kind)
    try:
        print("WRONG", 1.0 % fz)
    except ZeroDivisionError as e:
        print("float %", e.kind)
    try:
        print("WRONG", 0 // z)
    except ZeroDivisionError as e:
        print("int //", e.kind)
    try:
        var n = 5
        n %= z
        print("WRONG", n)
    except ZeroDivisionError as e:
        print("int %=", e.kind)
# expect: int / ZeroDivisionError
# expect: float / ZeroDivisionError
# expect: float // ZeroDivisionError
# expect: float % ZeroDivisionError
# expect: int // ZeroDivisionError
# expect: int %= ZeroDivisionError
