# Checks struct value semantics: assignment, argument passing and extraction from a list copy the struct and its List field.
struct P:
    var x: Int
    var tags: List[String]

fn rename(p: P) -> P:
    p.x = 100
    p.tags.append("r")
    return p

fn main():
    let p = P(1, ["a"])
    var q = p
    q.x = 2
    q.tags.append("b")
    print(p, q)
    let r = rename(p)
    print(p.x, r.x, p.tags, r.tags)
    var ps = [p]
    var p0 = ps[0]
    p0.x = 7
    p0.tags.append("z")
    print(ps[0].x, ps[0].tags, p0.x)
# expect: P(x=1, tags=['a']) P(x=2, tags=['a', 'b'])
# expect: 1 100 ['a'] ['a', 'r']
# expect: 1 ['a'] 7
