# Checks f-string float specs: `.Nf` (round-half-even on exact binary values), width+precision, `e` with precision, `f` applied to an Int.
fn main():
    let x = 3.14159
    let neg = -3.14159
    print(f"{x:.2f} {x:.0f} [{x:10.4f}] [{neg:8.2f}]")
    print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f}")
    print(f"{1234.5:e} {0.000123:.2e} {-1.5:e} {0.0:e}")
    print(f"{7:f} {7:.1f} {1e20:f}")
# expect: 3.14 3 [    3.1416] [   -3.14]
# expect: 2 4 0.12 0.38
# expect: 1.234500e+03 1.23e-04 -1.500000e+00 0.000000e+00
# expect: 7.000000 7.0 100000000000000000000.000000
