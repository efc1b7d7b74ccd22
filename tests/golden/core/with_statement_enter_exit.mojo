# Checks `with expr as name:` on a struct: __enter__'s result is bound, __exit__ runs on normal exit, on an exception (which still propagates) and on return.
struct Res:
    var name: String

    fn __enter__(self) -> String:
        print("enter", self.name)
        return self.name + "!"

    fn __exit__(self):
        print("exit", self.name)

fn inside() -> Int:
    with Res("c") as r:
        return len(r)

fn main():
    with Res("a") as r:
        print("body", r)
    try:
        with Res("b") as r:
            raise ValueError("x")
    except ValueError as e:
        print("caught", e.message)
    print(inside())
# expect: enter a
# expect: body a!
# expect: exit a
# expect: enter b
# expect: exit b
# expect: caught x
# expect: enter c
# expect: exit c
# expect: 2
