# Checks that bounded recursion 2000 deep through __str__ (well under the 10 000-frame limit) works instead of overflowing the native stack.
struct Node:
    var n: Int

    fn __str__(self) -> String:
        if self.n == 0:
            return "bottom"
        return str(Node(self.n - 1))

fn main():
    print(str(Node(2000)))
# expect: bottom
