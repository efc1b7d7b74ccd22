# Checks that re-declaring a `let` name with `let`/`var` in the same scope shadows it (allowed), and block-scoped bindings.
fn main():
    let x = 1
    let x = x + 1
    print(x)
    var x = x * 10
    x += 1
    print(x)
    let y = 5
    if x > 0:
        let y = 100
        print(y)
    print(y)
# expect: 2
# expect: 21
# expect: 100
# expect: 5
