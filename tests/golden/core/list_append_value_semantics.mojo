# Checks `xs.append(v)` on a local list keeps value semantics: a copy made before the
# append does not change, a list appended to itself holds its old value, the result is
# None, and a struct with its own `append` method gets that method called.
struct Log:
    var lines: List[String]

    fn append(mut self, s: String):
        self.lines.append("log: " + s)

fn main():
    var a = [1]
    var b = a
    b.append(2)
    print(a, b)
    a.append(a)
    print(a)
    let r = a.append(3)
    print(r, len(a))
    var log = Log([])
    log.append("x")
    print(log.lines)
    var total = []
    for i in range(5):
        total.append(i * i)
    print(total)
# expect: [1] [1, 2]
# expect: [1, [1]]
# expect: None 3
# expect: ['log: x']
# expect: [0, 1, 4, 9, 16]
