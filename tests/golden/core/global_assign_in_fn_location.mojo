# Checks that writing a global inside a nested closure is a compile error located at the write (line 6).
var hits = 0

fn main():
    fn bump():
        hits += 1
    bump()
# expect error: global_assign_in_fn_location.mojo:6:
