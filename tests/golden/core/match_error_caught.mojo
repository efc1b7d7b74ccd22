# Checks that a match with no matching case raises MatchError, catchable, and that the code after the match does not run.
fn main():
    try:
        match Some(3):
            case None:
                print("WRONG none")
            case Some(n) if n > 5:
                print("WRONG big")
        print("WRONG: after match")
    except MatchError as e:
        print("caught", e.kind)
# expect: caught MatchError
