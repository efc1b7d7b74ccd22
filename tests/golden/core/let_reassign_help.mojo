# Checks that the `let` reassignment diagnostic has a help line suggesting `var`.
fn main():
    let name = "a"
    name = "b"
# expect error: declare it with `var name = …` to make it mutable
