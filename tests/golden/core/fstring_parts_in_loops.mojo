# Checks f-strings built in a loop (Int and String parts are written straight into the
# result): negative and extreme Ints, Strings as they are and with !r, specs that pad,
# Bools, Floats, Optionals and a struct's __str__ keep their general formatting.
struct Tag:
    var name: String

    fn __str__(self) -> String:
        return "<" + self.name + ">"

fn main():
    let words = ["a", "it's"]
    var out = []
    for i in range(-1, 2):
        let w = words[i % 2]
        out.append(f"{i}:{w}|{w!r}|{i:3}|{i * 1.5}|{i > 0}|{Tag(w)}")
    for line in out:
        print(line)
    let lo = -9223372036854775807 - 1
    print(f"{lo} {lo + 1} {0}{Some(3)}{None}")
# expect: -1:it's|"it's"| -1|-1.5|False|<it's>
# expect: 0:a|'a'|  0|0.0|False|<a>
# expect: 1:it's|"it's"|  1|1.5|True|<it's>
# expect: -9223372036854775808 -9223372036854775807 0Some(3)None
