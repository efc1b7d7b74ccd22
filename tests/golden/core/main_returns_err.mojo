# Checks that `main` returning Err(e) (here through `?`) ends the program as an error: exit 1, `error: Kind: message`.
fn check(n: Int) -> Result[Int, Error]:
    if n < 0:
        return Err(ValueError("negative"))
    return Ok(n)

fn main() -> Result[Int, Error]:
    print("checking")
    let v = check(-1)?
    print("WRONG", v)
    return Ok(v)
# expect: checking
# expect runtime error: error: ValueError: negative
