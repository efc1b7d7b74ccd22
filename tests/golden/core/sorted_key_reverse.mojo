# Checks sorted(): returns a new list, key= and reverse= (stable, also when reversed), mixed Int/Float, strings by code point, strings and dict keys as input.
fn neg(x: Int) -> Int:
    return -x

fn length(s: String) -> Int:
    return len(s)

fn main():
    let xs = [3, 1, 2]
    print(sorted(xs), xs)
    print(sorted(xs, reverse=True), sorted(xs, key=neg))
    let words = ["bb", "a", "ccc", "dd", "e"]
    print(sorted(words, key=length))
    print(sorted(words, key=length, reverse=True))
    print(sorted(["b", "A", "a"]), sorted([2.5, 1, -3]))
    print(sorted("cab"), sorted({"z": 1, "y": 2}), sorted([]))
    var ys = [5, 3, 4]
    ys.sort()
    print(ys)
# expect: [1, 2, 3] [3, 1, 2]
# expect: [3, 2, 1] [3, 2, 1]
# expect: ['a', 'e', 'bb', 'dd', 'ccc']
# expect: ['ccc', 'bb', 'dd', 'a', 'e']
# expect: ['A', 'a', 'b'] [-3, 1, 2.5]
# expect: ['a', 'b', 'c'] ['y', 'z'] []
# expect: [3, 4, 5]
