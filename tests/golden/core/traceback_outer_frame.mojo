# Checks that the traceback of an uncaught error lists the calling frame `outer` at its call line (6).
fn inner(n: Int) -> Int:
    return 10 // n

fn outer(n: Int) -> Int:
    return inner(n) + 1

fn main():
    print(outer(0))
# expect runtime error: traceback_outer_frame.mojo:6:12: in outer
