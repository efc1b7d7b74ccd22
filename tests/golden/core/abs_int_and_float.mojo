# Checks abs() on Ints and Floats keeps the type, and min()/max() over several arguments.
fn main():
    print(abs(-8), abs(8), abs(-0.75), abs(2.0), abs(0))
    print(min(4, -2, 9), max(4, -2, 9), min(1.5, 0.5), max(-1, -1.5))
# expect: 8 8 0.75 2.0 0
# expect: -2 9 0.5 -1
