# Checks that shuffling a `let` list is a compile error: random.shuffle changes the list in place.
import random

fn main():
    let xs = [1, 2, 3]
    random.shuffle(xs)
    print(xs)
# expect error: random_shuffle_let_error.mojo:6:
# expect error: cannot assign twice to `let` binding `xs`
