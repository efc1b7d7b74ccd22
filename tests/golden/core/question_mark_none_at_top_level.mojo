# `?` on None at the top level raises a ValueError naming the `?`.
let d = {"a": 1}
print(d.get("a")?)
print(d.get("zzz")?)
# expect: 1
# expect runtime error: ValueError: `?` at the top level got None
