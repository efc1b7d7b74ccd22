# Checks `return` inside try (and inside except) still runs finally before the caller sees the value, in the right order.
fn f() -> Int:
    try:
        print("f try")
        return 1
    finally:
        print("f finally")
    print("WRONG: after try")
    return 2

fn g() -> String:
    try:
        raise ValueError("x")
    except ValueError as e:
        print("g except")
        return "from except"
    finally:
        print("g finally")

fn h(n: Int) -> Int:
    for i in range(10):
        try:
            if i == n:
                return i * 100
        finally:
            print("h finally", i)
    return -1

fn main():
    print(f())
    print(g())
    print(h(1))
# expect: f try
# expect: f finally
# expect: 1
# expect: g except
# expect: g finally
# expect: from except
# expect: h finally 0
# expect: h finally 1
# expect: 100
