# Checks String methods: strip, split (with and without separator), join, replace, find, startswith/endswith, upper/lower, format, `in`, `+`, `*`, len.
fn main():
    let s = "  Hello, World  "
    print(f"[{s.strip()}]")
    print("a,b,,c".split(","), "  a  b c ".split())
    print("-".join(["x", "y", "z"]), "".join([]))
    print("banana".replace("an", "AN"), "banana".find("na"), "banana".find("x"))
    print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith("lo"))
    print("MiXeD 1".upper(), "MiXeD 1".lower())
    print("{} + {} = {}".format(1, 2, 3))
    print("ab" * 3, "ab" + "cd", "ell" in "hello", "xyz" in "hello")
    print(len("hello"), "hello".len(), len(""))
# expect: [Hello, World]
# expect: ['a', 'b', '', 'c'] ['a', 'b', 'c']
# expect: x-y-z 
# expect: bANANa 2 -1
# expect: True True False
# expect: MIXED 1 mixed 1
# expect: 1 + 2 = 3
# expect: ababab abcd True False
# expect: 5 5 0
