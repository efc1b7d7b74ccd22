# Builtins take the keywords they document (`sum(start=)`, `sorted(key=, reverse=)`,
# `min`/`max(key=, default=)`, `enumerate(start=)`); any other keyword is a TypeError,
# never silently ignored.
print(sum([1, 2], start=10), sorted([2, 3, 1], reverse=True), max([], default=0))
print(enumerate(["a"], start=5))
for call in [0, 1]:
    try:
        if call == 0:
            print(sorted([2, 1], rev=True))
        else:
            print(len([1], x=2))
    except TypeError as e:
        print(e)
# expect: 13 [3, 2, 1] 0
# expect: [(5, 'a')]
# expect: TypeError: sorted() got an unexpected keyword argument `rev` (it takes `key`, `reverse`)
# expect: TypeError: len() takes no keyword arguments (got `x`)
