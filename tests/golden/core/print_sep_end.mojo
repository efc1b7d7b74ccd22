# Checks print(*xs, sep=, end=): custom separators and endings, empty print, values printed with str (containers with repr).
fn main():
    print("a", "b", "c", sep="-")
    print("x", end="")
    print("y")
    print(1, 2, sep="", end="!\n")
    print()
    print("p", "q", sep=", ", end=" END\n")
    print(end="")
    print(sep="x")
    print([1, "a"], None, 2.0, True, "s", (1,), {"k": "v"})
# expect: a-b-c
# expect: xy
# expect: 12!
# expect: 
# expect: p, q END
# expect: 
# expect: [1, 'a'] None 2.0 True s (1,) {'k': 'v'}
