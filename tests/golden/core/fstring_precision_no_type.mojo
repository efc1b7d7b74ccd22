# Checks a Float format spec with a precision but no type letter behaves like Python (`.Ng`-like: N significant digits, not N decimals).
fn main():
    let x = 3.14159
    print(f"{x:.3} {x:.1} {1234.5:.2} {x:8.2}|")
# expect: 3.14 3e+00 1.2e+03      3.1|
