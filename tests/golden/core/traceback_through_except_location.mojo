# Checks that an error not matched by an except clause is reported at the line that raised it (line 5), not at the `try`.
fn main():
    print("start")
    try:
        let n = int("nope")
        print("WRONG", n)
    except KeyError as e:
        print("WRONG: wrong clause")
# expect: start
# expect runtime error: traceback_through_except_location.mojo:5:
