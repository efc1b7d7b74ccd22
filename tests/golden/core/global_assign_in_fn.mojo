# Checks that a plain assignment to a module global inside a function is a compile error whose help mentions Atomic.
var total = 0

fn reset():
    total = 0

fn main():
    reset()
# expect error: Atomic
