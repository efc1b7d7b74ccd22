# Checks that calling a mutating List method on a field of a read-only `self` is a compile error located there (line 6).
struct Bag:
    var items: List[Int]

    fn add(self, x: Int):
        self.items.append(x)

fn main():
    var b = Bag([])
    b.add(1)
    print(b.items)
# expect error: struct_readonly_self_append_error.mojo:6:
