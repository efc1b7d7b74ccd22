# Checks that an unmatched match escaping main is reported as MatchError with exit status 1.
fn main():
    print("start")
    match "x":
        case "y":
            print("WRONG")
    print("WRONG: after match")
# expect: start
# expect runtime error: error: MatchError
