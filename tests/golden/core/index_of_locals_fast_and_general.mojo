# Checks indexing a local (read where it lives when the index has no calls) against the
# general rules: negative indices, nested indices, dict keys of two types, tuples, text by
# character, a struct's __getitem__, a range, an index that mutates the list first (a call:
# evaluated in order), and IndexError/KeyError with their messages.
struct Grid:
    var cells: List[Int]

    fn __getitem__(self, i: Int) -> Int:
        return self.cells[i] * 10

fn main():
    var xs = [1, 2, 3]
    let i = 1
    print(xs[i], xs[-1], xs[i + 1], xs[xs[0]])
    let d = {"a": 1, 2: "two"}
    let k = "a"
    print(d[k], d[2])
    let t = (4, 5)
    print(t[i - 1])
    let s = "héllo"
    print(s[1], s[i])
    let g = Grid([7, 8])
    print(g[1])
    let r = range(10)
    print(r[3])
    print(xs[xs.pop() - 2])
    print(xs)
    try:
        print(xs[5])
    except e:
        print("error:", e)
    try:
        print(d["zz"])
    except e:
        print("error:", e)
# expect: 2 3 3 2
# expect: 1 two
# expect: 4
# expect: é é
# expect: 80
# expect: 3
# expect: 2
# expect: [1, 2]
# expect: error: IndexError: index 5 is out of range for length 2
# expect: error: KeyError: 'zz'
