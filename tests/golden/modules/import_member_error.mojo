# Checks that using a name a module does not define (`geometry.nope`) is a compile error.
import geometry

fn main():
    print(geometry.nope(1))
# expect error: import_member_error.mojo:5:
# expect error: module `geometry` has no name `nope`
