# Checks that reading a file that does not exist gives Err(IOError) (matchable by kind) and
# the program goes on.
async fn main():
    let r = await fs.read_text("/mojolite_no_such_dir/missing.txt")
    match r:
        case Err(IOError):
            print("Err(IOError)")
        case _:
            print("WRONG", r)
    if let Err(e) = r:
        print(e.kind)
    print("still running")
# expect: Err(IOError)
# expect: IOError
# expect: still running
