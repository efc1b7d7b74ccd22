# A struct with only `__repr__` prints with it (`str` falls back to `__repr__`, as in
# Python); one with neither prints its fields.
struct Money:
    var cents: Int

    fn __repr__(self) -> String:
        return "Money(" + str(self.cents // 100) + "." + str(self.cents % 100) + ")"

struct Plain:
    var x: Int

print(Money(1250), str(Money(5)), [Money(100)], f"{Money(7)}")
print(Plain(1))
# expect: Money(12.50) Money(0.5) [Money(1.0)] Money(0.7)
# expect: Plain(x=1)
