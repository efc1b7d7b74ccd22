# Checks that building a tuple copies the values put in it: changing the list afterwards does
# not change the tuple, and a list taken out of a tuple is a copy too.
fn main():
    var xs = [1, 2]
    let t = (xs, "tag")
    xs.append(3)
    print(t, xs)
    var inner = t[0]
    inner.append(9)
    print(t[0], inner)
# expect: ([1, 2], 'tag') [1, 2, 3]
# expect: [1, 2] [1, 2, 9]
