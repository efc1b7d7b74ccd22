# Checks that calling a `mut self` method on a `let` struct binding is a compile error at the call (line 9).
struct Counter:
    var n: Int
    fn bump(mut self):
        self.n += 1

fn main():
    let c = Counter(0)
    c.bump()
    print(c)
# expect error: let_mut_self_method_error.mojo:9:
