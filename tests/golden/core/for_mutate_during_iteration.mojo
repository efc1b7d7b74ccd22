# Checks value semantics of iteration: a for loop walks a snapshot, so appending to the list (or adding dict keys) inside the loop is safe and not seen by it.
fn main():
    var xs = [1, 2, 3]
    for x in xs:
        xs.append(x * 10)
    print(xs)
    var d = {"a": 1}
    for k in d:
        d[k + "2"] = 2
    print(d)
# expect: [1, 2, 3, 10, 20, 30]
# expect: {'a': 1, 'a2': 2}
