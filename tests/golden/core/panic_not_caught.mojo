# Checks that panic() is not caught by `except e:` (catch-all) or a named kind, that finally blocks run while it unwinds, and that it ends the program with exit 1.
fn inner():
    try:
        panic("boom in inner")
    finally:
        print("finally runs")

fn main():
    try:
        try:
            inner()
        except Error as e:
            print("WRONG: caught by kind", e)
    except e:
        print("WRONG: caught by catch-all", e)
    print("WRONG: after")
# expect: finally runs
# expect runtime error: boom in inner
