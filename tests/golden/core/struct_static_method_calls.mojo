# Static methods called on the type, with `.` and `::`, positionally and by keyword,
# as values, and recursively (a static call compiles like a call of a free function).
struct Counter:
    var n: Int

    @staticmethod
    fn start() -> Counter:
        return Counter(0)

    fn of(n: Int) -> Counter:
        return Counter(n)

    fn triangle(n: Int) -> Int:
        if n == 0:
            return 0
        return n + Counter.triangle(n - 1)

fn main():
    print(Counter.start().n, Counter::of(3).n, Counter.of(n=4).n)
    let make = Counter::of
    print(make(5).n, Counter.triangle(100))
# expect: 0 3 4
# expect: 5 5050
