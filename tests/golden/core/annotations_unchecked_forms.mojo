# Checks §15 annotation forms: `alias`, `raises`, generic parameters, fn-type annotations (callable check only), and undefined type names are accepted.
alias Num = Int

fn twice(x: Num) raises -> Num:
    return x * 2

fn first[T](xs: List[T]) -> T:
    return xs[0]

fn apply(f: fn(Int) -> Int, x: Int) -> Int:
    return f(x)

fn load(d: Data) -> JsonValue:
    return d

fn main():
    print(twice(4), first([7, 8]), apply(twice, 5), load(3))
    try:
        print("WRONG", apply(5, 1))
    except TypeError as e:
        print("not callable:", e.kind, e.message.find("f") >= 0)
# expect: 8 7 10 3
# expect: not callable: TypeError True
