# Checks that an augmented assignment to a `let` is a compile error located at the assignment (line 6, column 9), not the declaration.
fn main():
    let total = 0
    for i in range(3):
        print(i)
        total += i
# expect error: let_reassign_location.mojo:6:9
