# Checks the TypeErrors of json.parse called with a non-String, no argument, or an unknown keyword.
import json

def bad(which):
    if which == 0:
        return json.parse(42)
    elif which == 1:
        return json.parse()
    return json.parse("1", strict=True)

fn main():
    for i in range(3):
        try:
            print("WRONG", bad(i))
        except TypeError as e:
            print(e)
# expect: TypeError: json.parse() needs a String, not Int
# expect: TypeError: json.parse() takes 1 argument but 0 were given
# expect: TypeError: json.parse() has no parameter named `strict`
