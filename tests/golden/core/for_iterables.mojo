# Checks for loops over strings (code points), tuples, dict keys (insertion order), dict.items(), enumerate, zip (stops at the shortest), reversed, and tuple-unpacking targets.
fn main():
    for c in "aé🔥":
        print(c)
    for x in (1, "two"):
        print(x)
    let d = {"z": 1, "a": 2}
    for k in d:
        print("key", k)
    for k, v in d.items():
        print(k, "=", v)
    for i, s in enumerate(["p", "q"]):
        print(i, s)
    for a, b in zip([1, 2, 3], ["x", "y"]):
        print(a, b)
    for (i, x) in enumerate("hi"):
        print(i, x)
    print(list(reversed([1, 2, 3])), list(enumerate("ab")), list(zip("ab", [1, 2])))
# expect: a
# expect: é
# expect: 🔥
# expect: 1
# expect: two
# expect: key z
# expect: key a
# expect: z = 1
# expect: a = 2
# expect: 0 p
# expect: 1 q
# expect: 1 x
# expect: 2 y
# expect: 0 h
# expect: 1 i
# expect: [3, 2, 1] [(0, 'a'), (1, 'b')] [('a', 1), ('b', 2)]
