# Checks that a wrong arity or unknown keyword through a function value (callee unknown at compile time) is a catchable TypeError at run time.
fn add(a: Int, b: Int) -> Int:
    return a + b

def call1(f):
    return f(1)

def call3(f):
    return f(1, 2, 3)

def callkw(f):
    return f(1, c=2)

def call2(f):
    return f(1, 2)

fn main():
    print(call2(add))
    try:
        print("WRONG", call1(add))
    except TypeError as e:
        print("too few:", e.kind)
    try:
        print("WRONG", call3(add))
    except TypeError as e:
        print("too many:", e.kind)
    try:
        print("WRONG", callkw(add))
    except TypeError as e:
        print("bad keyword:", e.kind)
    print("done")
# expect: 3
# expect: too few: TypeError
# expect: too many: TypeError
# expect: bad keyword: TypeError
# expect: done
