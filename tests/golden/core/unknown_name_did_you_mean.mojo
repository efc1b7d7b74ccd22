# Checks that an unknown name is a compile error whose help suggests the closest known name.
fn main():
    var counter = 0
    counter += 1
    print(countr)
# expect error: did you mean `counter`?
