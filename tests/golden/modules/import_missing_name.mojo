# Checks that importing a name a module does not define is a compile error at that name.
from geometry import Point, nope

fn main():
    print(Point(1, 1))
# expect error: import_missing_name.mojo:2:
# expect error: module `geometry` has no name `nope`
