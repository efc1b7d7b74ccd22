# Checks String slices with a step work on code points, e.g. reversing a string with multi-byte characters.
fn main():
    let s = "héllo→🔥"
    print(s[::-1], s[::2], s[-1:-3:-1])
# expect: 🔥→olléh hlo🔥 🔥→
