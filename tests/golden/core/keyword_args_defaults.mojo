# Checks keyword arguments in any order, defaults, and mixing positional with keyword arguments.
fn greet(name: String, greeting: String = "Hello", punct: String = "!") -> String:
    return greeting + ", " + name + punct

fn main():
    print(greet("Ann"))
    print(greet("Ann", "Hi"))
    print(greet("Ann", punct="?"))
    print(greet(punct=".", name="Bob"))
    print(greet("Cy", greeting="Yo", punct=""))
    print(greet("Di", "Hey", "?!"))
# expect: Hello, Ann!
# expect: Hi, Ann!
# expect: Hello, Ann?
# expect: Hello, Bob.
# expect: Yo, Cy
# expect: Hey, Di?!
