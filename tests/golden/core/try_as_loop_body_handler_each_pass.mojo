# Checks a loop whose whole body is a `try`: its handler catches an error on every pass
# that raises (also after passes that `continue` or finish normally, and around a nested
# try), and stops applying once the loop is left, by `break` or by `return`: an error
# raised after the loop goes to the caller, not to the loop's catch-all `except`.
fn count_until(limit: Int) raises -> Int:
    var n = 0
    while True:
        try:
            n += 1
            if n == limit:
                break
            if n % 3 == 0:
                continue
            if n % 2 == 0:
                raise ValueError(f"even {n}")
            try:
                if n == 5:
                    raise KeyError("inner five")
            except KeyError as e:
                print("inner caught", e.message)
                raise ValueError("from inner")
        except e:
            print("caught", e.message)
    raise KeyError(f"after the loop at {n}")

fn first_big(xs: List[Int]) raises -> Int:
    var i = 0
    while True:
        try:
            if xs[i] > 10:
                return xs[i]
            i += 1
        except e:
            print("index error caught:", e.kind)
            return -1

fn main():
    try:
        print(count_until(7))
    except KeyError as e:
        print("caller caught", e.message)
    try:
        print(first_big([1, 20, 3]))
        print(first_big([1, 2]))
        let xs: List[Int] = []
        print(xs[4])
    except e:
        print("caller caught", e.kind)
# expect: caught even 2
# expect: caught even 4
# expect: inner caught inner five
# expect: caught from inner
# expect: caller caught after the loop at 7
# expect: 20
# expect: index error caught: IndexError
# expect: -1
# expect: caller caught IndexError
