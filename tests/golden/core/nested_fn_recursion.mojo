# Checks that a nested fn can call itself recursively and read enclosing variables captured at definition.
fn main():
    let base = 1
    fn fact(n: Int) -> Int:
        if n <= 1:
            return base
        return n * fact(n - 1)
    print(fact(5), fact(1))
# expect: 120 1
