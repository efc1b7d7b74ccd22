# Checks that an unknown name in a function that is never called is still a compile error, located at line 3 column 12.
fn unused() -> Int:
    return undefined_thing + 1

fn main():
    print("WRONG: ran despite compile error")
# expect error: unknown_name_location.mojo:3:12
