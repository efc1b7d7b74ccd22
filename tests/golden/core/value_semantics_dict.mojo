# Checks Dict value semantics: assignment and argument passing copy (including nested list values); mutating the copy leaves the original unchanged.
fn add_key(d: Dict[String, Int]) -> Int:
    d["new"] = 1
    return len(d)

fn main():
    let d = {"a": 1}
    var e = d
    e["b"] = 2
    print(d, e)
    print(add_key(d), d)
    var dl = {"xs": [1]}
    var dl2 = dl
    dl2["xs"].append(2)
    print(dl, dl2)
    var got = dl["xs"]
    got.append(3)
    print(dl["xs"], got)
# expect: {'a': 1} {'a': 1, 'b': 2}
# expect: 2 {'a': 1}
# expect: {'xs': [1]} {'xs': [1, 2]}
# expect: [1] [1, 3]
