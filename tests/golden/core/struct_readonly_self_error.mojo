# Checks that assigning to a field of a plain (read-only) `self` is a compile error located at the assignment (line 5).
struct Counter:
    var n: Int
    fn bump(self):
        self.n += 1

fn main():
    var c = Counter(0)
    c.bump()
    print(c.n)
# expect error: struct_readonly_self_error.mojo:5:
