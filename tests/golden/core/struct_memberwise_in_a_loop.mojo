# Checks memberwise construction in a loop (built in place when every field is given in
# order with its declared type): fields keep their values, a list field is a copy the
# original's later changes do not reach, a field of the wrong type is still a TypeError,
# and a struct with defaults or __init__ still takes its own way.
struct Pair:
    var a: Int
    var tags: List[String]

struct WithDefault:
    var x: Int
    var y: Int = 7

struct Doubled:
    var v: Int

    fn __init__(out self, v: Int):
        self.v = v * 2

fn main():
    var tags = ["t"]
    var pairs = []
    for i in range(3):
        pairs.append(Pair(i, tags))
        tags.append(str(i))
    print(pairs[0].tags, pairs[2].tags, pairs[2].a)
    var sum = 0
    for i in range(4):
        sum += WithDefault(i).y + Doubled(i).v
    print(sum)
    for v in [1, 2]:
        let p = Pair(v, [])
        print(p.a)
    let bad = 1.5
    print(Pair(bad, []))
# expect: ['t'] ['t', '0', '1'] 2
# expect: 40
# expect: 1
# expect: 2
# expect runtime error: field `a` of `Pair` must be Int, got Float
