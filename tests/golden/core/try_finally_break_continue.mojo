# Checks `break` and `continue` inside try/finally in for and while loops: finally runs on every exit path, in order.
fn main():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    print("after for")
    var n = 0
    while True:
        n += 1
        try:
            try:
                if n == 2:
                    break
            finally:
                print("inner", n)
        finally:
            print("outer", n)
    print("after while", n)
# expect: body 0
# expect: finally 0
# expect: finally 1
# expect: body 2
# expect: finally 2
# expect: finally 3
# expect: after for
# expect: inner 1
# expect: outer 1
# expect: inner 2
# expect: outer 2
# expect: after while 2
