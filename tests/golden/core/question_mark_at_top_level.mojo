# `?` at the top level, where there is no function to return from: Ok/Some unwrap,
# and an Err ends the program like an error escaping `main` (exit 1, not a silent stop).
let a = Ok(3)?
let b = Some(4)?
print(a + b)
let c = Err(ValueError("bad input"))?
print("WRONG: the program went on after an Err", c)
# expect: 7
# expect runtime error: error: ValueError: bad input
