# Checks that the most negative Int can be written as a literal `-9223372036854775808` (unary minus applied to the literal), as in Python/Mojo.
fn main():
    let low = -9223372036854775808
    print(low, low + 1)
# expect: -9223372036854775808 -9223372036854775807
