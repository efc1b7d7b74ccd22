# Checks the full headline of the compile error for assigning to a `let` binding.
fn main():
    let limit = 10
    print(limit)
    limit = 11
# expect error: cannot assign twice to `let` binding `limit`
