# Checks that Shared.get() gives a copy of the value: changing that copy does not change the
# cell until it is stored back with set().
fn main():
    let cell = Shared({"n": 1})
    var d = cell.get()
    d["n"] = 2
    d["extra"] = 3
    print(cell.get(), d)
    cell.set(d)
    print(cell.get())
# expect: {'n': 1} {'n': 2, 'extra': 3}
# expect: {'n': 2, 'extra': 3}
