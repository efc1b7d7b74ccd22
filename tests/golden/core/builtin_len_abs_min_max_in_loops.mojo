# Checks len/abs/min/max called in a loop (their common cases are worked out in place)
# give what their general forms give: len of text counts characters (not bytes), of a
# dict and a tuple; abs of an Int and a Float; min/max of two Ints, of mixed numbers,
# of one list and with a key; and the errors keep their messages.
fn main():
    let items = ["héllo", "abc", (1, 2, 3), {"a": 1}, [1, 2]]
    var lens = []
    for x in items:
        lens.append(len(x))
    print(lens)
    var total = 0
    for i in range(-3, 4):
        total += abs(i) + min(i, 0) + max(i, 1)
    print(total, abs(-2.5), min(3, 1.5), max([4, 9, 2]), min(["bb", "a"], key=len))
    try:
        print(len(5))
    except e:
        print(e)
    try:
        print(abs(-9223372036854775807 - 1))
    except e:
        print(e)
    try:
        print(min([]))
    except e:
        print(e)
# expect: [5, 3, 3, 1, 2]
# expect: 16 2.5 1.5 9 a
# expect: TypeError: an Int has no length
# expect: OverflowError: integer overflow
# expect: ValueError: min() of an empty sequence
