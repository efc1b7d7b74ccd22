# Checks that the traceback of an uncaught error lists `main` at its call line (9) and the failing source line with a caret.
fn inner(n: Int) -> Int:
    return 10 // n

fn outer(n: Int) -> Int:
    return inner(n) + 1

fn main():
    print(outer(0))
# expect runtime error: traceback_main_frame.mojo:9:11: in main
