# Checks that an unknown keyword argument to a statically known function is a compile error naming the keyword.
fn greet(name: String, greeting: String = "hi") -> String:
    return greeting + " " + name

fn main():
    print("WRONG: ran", greet("a", salutation="yo"))
# expect error: salutation
