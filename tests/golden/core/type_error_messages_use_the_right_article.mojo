# Checks that a TypeError naming a value's type reads as English: "an Int", "an Optional",
# "a Bool" — for iterating, len(), calling and indexing a value that does not allow it.
fn main():
    let n = 3
    let b = True
    let o: Optional[Int] = Some(1)
    try:
        for x in n:
            print(x)
    except e:
        print(e.message)
    try:
        print(len(o))
    except e:
        print(e.message)
    try:
        print(b())
    except e:
        print(e.message)
    try:
        print(n[0])
    except e:
        print(e.message)
# expect: an Int is not iterable
# expect: an Optional has no length
# expect: a Bool is not callable
# expect: an Int cannot be indexed
