# Checks integer literal forms (underscores, 0x hex, 0b binary, 0o octal) and float literals
# with exponents.
fn main():
    print(2_500, 1_000_000_000, 0x1F, 0XFF, 0b1101, 0o755)
    print(0x10 + 0b10 + 0o10 + 1_0)
    print(3e2, 4.5e-2, 1.25E3, 7e0)
# expect: 2500 1000000000 31 255 13 493
# expect: 36
# expect: 300.0 0.045 1250.0 7.0
