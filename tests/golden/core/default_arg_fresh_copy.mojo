# Checks that a mutable default argument is a fresh value on each call (value semantics: no Python shared-default surprise), and parameters are local copies.
fn push(x: Int, acc: List[Int] = []) -> List[Int]:
    acc.append(x)
    return acc

fn bump(n: Int) -> Int:
    n += 100
    return n

fn main():
    print(push(1), push(2))
    let base = [7]
    print(push(3, base), base)
    let v = 1
    print(bump(v), v)
# expect: [1] [2]
# expect: [7, 3] [7]
# expect: 101 1
