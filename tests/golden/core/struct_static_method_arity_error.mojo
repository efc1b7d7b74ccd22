# A static method called with the wrong number of arguments is a compile-time error.
struct Unit:
    var v: Int

    fn make() -> Unit:
        return Unit(1)

fn main():
    print(Unit.make(2).v)
# expect error: function `Unit.make` takes 0 arguments but 1 were given
