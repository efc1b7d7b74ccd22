# Checks min/max over arguments and over a list (Ints, Floats, Strings), sum (empty, Floats, ranges, mixed), and ValueError on an empty sequence.
fn main():
    print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max([4, 2, 8]))
    print(min("b", "a"), max(["x", "yz"]), min(2, 1.5), max(1, 1.0))
    print(sum([1, 2, 3]), sum([]), sum([0.5, 0.25]), sum(range(101)), sum([1, 2.5]))
    try:
        print("WRONG", min([]))
    except ValueError as e:
        print("min:", e.kind)
    try:
        print("WRONG", max([]))
    except ValueError as e:
        print("max:", e.kind)
# expect: 1 3 2 8
# expect: a yz 1.5 1
# expect: 6 0 0.75 5050 3.5
# expect: min: ValueError
# expect: max: ValueError
