# Checks the Python `0` flag before the width in f-string specs: zero padding goes after the sign.
fn main():
    let n = 7
    let neg = -7
    let x = 3.14159
    print(f"{n:03} {neg:04} {42:05d} {x:08.3f} {5:08b}")
# expect: 007 -007 00042 0003.142 00000101
