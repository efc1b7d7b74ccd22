# Checks that http.get of an https:// URL (not supported) gives Err(IOError) instead of
# raising or crashing.
async fn main():
    let r = await http.get("https://example.com/")
    print(r.is_err())
    match r:
        case Err(IOError):
            print("refused with IOError")
        case _:
            print("WRONG", r)
# expect: True
# expect: refused with IOError
