# Checks that the traceback of an uncaught error names the innermost function with its file:line (line 3).
fn inner(n: Int) -> Int:
    return 10 // n

fn outer(n: Int) -> Int:
    return inner(n) + 1

fn main():
    print(outer(0))
# expect runtime error: traceback_inner_frame.mojo:3:12: in inner
