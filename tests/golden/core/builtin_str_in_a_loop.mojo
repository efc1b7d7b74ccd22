# Checks str() called in a loop (Ints, Strings and Bools are converted in place) gives
# what the general str() gives, for those and for Floats, None, lists and a struct's
# __str__.
struct Money:
    var cents: Int

    fn __str__(self) -> String:
        return "$" + str(self.cents // 100) + "." + str(self.cents % 100)

fn main():
    let items = [-9223372036854775807 - 1, 0, 42, "text", True, False, 2.5, None, [1, "a"], Money(1234)]
    var out = []
    for v in items:
        out.append(str(v))
    print(out)
    var total = 0
    for i in range(1000):
        total += len(str(i))
    print(total)
# expect: ['-9223372036854775808', '0', '42', 'text', 'True', 'False', '2.5', 'None', "[1, 'a']", '$12.34']
# expect: 2890
