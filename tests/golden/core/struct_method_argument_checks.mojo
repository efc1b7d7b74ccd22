# Instance methods check their annotated parameters, count their arguments and
# recurse down to the recursion limit like functions.
struct Walker:
    var step: Int

    fn walk(self, n: Int) -> Int:
        if n == 0:
            return 0
        return self.step + self.walk(n - 1)

fn main():
    let w = Walker(2)
    print(w.walk(500))
    try:
        print(w.walk("x"))
    except TypeError as e:
        print(e)
    try:
        print(w.walk(100_000))
    except RecursionError as e:
        print("RecursionError")
# expect: 1000
# expect: TypeError: argument `n` of `Walker.walk` must be Int, got String
# expect: RecursionError
