# Checks re-raising the caught error with `raise e` inside an except block: an outer handler
# gets the same kind and message.
fn load() -> Int:
    raise IndexError("slot 4 empty")

fn main():
    try:
        try:
            print("WRONG", load())
        except e:
            print("inner saw", e.kind)
            raise e
    except IndexError as e:
        print("outer got", e)
# expect: inner saw IndexError
# expect: outer got IndexError: slot 4 empty
