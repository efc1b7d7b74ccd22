# Checks Some/None/Ok/Err patterns with nested sub-patterns, error-kind patterns (TimeoutError, Err(ValueError)) and type patterns (Int, String).
struct Point:
    var x: Int
    var y: Int

def what(v):
    match v:
        case Some((a, b)):
            return f"some pair {a} {b}"
        case Some(Point(x, _)):
            return f"some point x={x}"
        case Some(n):
            return f"some {n}"
        case None:
            return "none"
        case Ok([first, *_]):
            return f"ok list starting {first}"
        case Ok(x):
            return f"ok {x}"
        case Err(ValueError):
            return "value error"
        case Err(e):
            return f"err {e}"
        case TimeoutError:
            return "a timeout error value"
        case Int:
            return "an int"
        case String:
            return "a string"
        case _:
            return "other"

fn main():
    let xs = [Some((1, 2)), Some(Point(3, 4)), Some(5), None, Ok([9, 8]), Ok("fine"), Err(ValueError("v")), Err(KeyError("k")), TimeoutError("late"), 7, "s", 2.5]
    for x in xs:
        print(what(x))
# expect: some pair 1 2
# expect: some point x=3
# expect: some 5
# expect: none
# expect: ok list starting 9
# expect: ok fine
# expect: value error
# expect: err KeyError: k
# expect: a timeout error value
# expect: an int
# expect: a string
# expect: other
