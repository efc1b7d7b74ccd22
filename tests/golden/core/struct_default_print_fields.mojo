# Checks the default struct printing shows fields with repr (Strings quoted, nested structs and containers), like containers do.
struct Tag:
    var name: String
    var ids: List[Int]

struct Wrapper:
    var tag: Tag
    var note: Optional[String]

fn main():
    let t = Tag("a", [1, 2])
    print(t)
    print(Wrapper(t, Some("n")))
    print([t], str(t) == f"{t}")
# expect: Tag(name='a', ids=[1, 2])
# expect: Wrapper(tag=Tag(name='a', ids=[1, 2]), note=Some('n'))
# expect: [Tag(name='a', ids=[1, 2])] True
