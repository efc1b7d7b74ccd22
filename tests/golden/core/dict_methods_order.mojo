# Checks Dict insertion order (overwrite keeps the slot, pop + re-insert moves to the end) and get/pop/setdefault/keys/values/items/in/len/KeyError.
fn main():
    var d = {"b": 1, "a": 2}
    d["c"] = 3
    d["b"] = 10
    print(d)
    print(list(d.keys()), list(d.values()), len(d))
    for k, v in d.items():
        print(k, v)
    print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 0))
    print(d.pop("b"))
    print(d)
    d["b"] = 1
    print(d)
    print(d.setdefault("a", 99), d.setdefault("n", 5))
    print(d)
    print("a" in d, "zz" in d, d.pop("zz", -1))
    try:
        print("WRONG", d["zz"])
    except KeyError as e:
        print("index:", e.kind)
    try:
        print("WRONG", d.pop("zz"))
    except KeyError as e:
        print("pop:", e.kind)
    let nums = {1: "x", 2: "y"}
    print(nums, nums[2], {})
# expect: {'b': 10, 'a': 2, 'c': 3}
# expect: ['b', 'a', 'c'] [10, 2, 3] 3
# expect: b 10
# expect: a 2
# expect: c 3
# expect: Some(2) None 0 2
# expect: 10
# expect: {'a': 2, 'c': 3}
# expect: {'a': 2, 'c': 3, 'b': 1}
# expect: 2 5
# expect: {'a': 2, 'c': 3, 'b': 1, 'n': 5}
# expect: True False -1
# expect: index: KeyError
# expect: pop: KeyError
# expect: {1: 'x', 2: 'y'} y {}
