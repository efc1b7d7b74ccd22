# Checks postfix `?`: unwraps Ok/Some, returns Err/None from the current function at once (later code does not run), binds tighter than `+`.
fn half(n: Int) -> Result[Int, Error]:
    if n % 2 != 0:
        return Err(ValueError(f"{n} is odd"))
    return Ok(n // 2)

fn quarter(n: Int) -> Result[Int, Error]:
    let h = half(n)?
    print("half ok", h)
    let q = half(h)?
    return Ok(q)

fn first(xs: List[Int]) -> Optional[Int]:
    if len(xs) == 0:
        return None
    return Some(xs[0])

fn first_plus_one(xs: List[Int]) -> Optional[Int]:
    return Some(first(xs)? + 1)

fn main():
    print(quarter(8))
    print(quarter(6))
    print(quarter(5))
    print(first_plus_one([4]), first_plus_one([]))
# expect: half ok 4
# expect: Ok(2)
# expect: half ok 3
# expect: Err(ValueError: 3 is odd)
# expect: Err(ValueError: 5 is odd)
# expect: Some(5) None
