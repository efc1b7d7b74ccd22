# Checks the TypeErrors of env.get with a wrong argument.
import env

def bad(which):
    if which == 0:
        return env.get(42)
    elif which == 1:
        return env.get("A", "B")
    return env.get("A", default="x")

fn main():
    for i in range(3):
        try:
            print("WRONG", bad(i))
        except TypeError as e:
            print(e)
# expect: TypeError: env.get() needs a String, not Int
# expect: TypeError: env.get() takes 1 argument but 2 were given
# expect: TypeError: env.get() has no parameter named `default`
