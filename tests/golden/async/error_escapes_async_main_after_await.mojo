# Checks that an error escaping an async `main` after it has awaited is reported as
# `error: Kind: message` on stderr, after the stdout printed so far, with exit status 1.
fn check_name(name: String) -> String:
    if len(name) == 0:
        raise KeyError("blank name")
    return name.upper()

async fn main():
    print(check_name("ok"))
    await sleep(0.01)
    print(check_name(""))
    print("WRONG: after the error")
# expect: OK
# expect runtime error: error: KeyError: blank name
