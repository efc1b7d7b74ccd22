# Checks that importing a module that does not exist is a compile error naming the file it looked for.
import no_such_module

fn main():
    print("WRONG")
# expect error: import_missing_module.mojo:2:
# expect error: no module named `no_such_module`
