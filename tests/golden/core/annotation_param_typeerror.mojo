# Checks that a parameter annotation is checked when the call is made: a wrong type raises a
# catchable TypeError whose message names the parameter.
fn pad(text: String, width: Int) -> String:
    return text + "." * (width - len(text))

def untyped(x):
    return x

fn main():
    print(pad("ab", 5))
    try:
        print("WRONG", pad("ab", untyped("5")))
    except TypeError as e:
        print(e.kind, "names width:", e.message.find("width") >= 0)
    try:
        print("WRONG", pad(untyped(3), 5))
    except TypeError as e:
        print(e.kind, "names text:", e.message.find("text") >= 0)
# expect: ab...
# expect: TypeError names width: True
# expect: TypeError names text: True
