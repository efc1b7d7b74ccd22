# Checks that functions may read globals, a local `var` may shadow a global and be mutated, and top-level code may reassign globals.
var counter = 0
counter = 5

fn local_count() -> Int:
    var counter = 10
    counter += 1
    return counter

fn read() -> Int:
    return counter * 2

fn main():
    print(local_count(), counter, read())
# expect: 11 5 10
