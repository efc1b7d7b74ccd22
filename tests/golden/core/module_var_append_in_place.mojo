# Checks xs.append(v) on a module-level `var` (top-level code): the list grows in place,
# a copy taken before the append keeps its old items (value semantics), tasks reading
# the global meanwhile see whole lists, and append on a non-list still raises.
var xs = [1]
for i in range(3):
    xs.append(i * 10)
let before = xs
xs.append(99)
print(xs, before)

async fn size_of_xs() -> Int:
    return len(xs)

var handles = []
for i in range(100):
    xs.append(i)
    handles.append(spawn(size_of_xs()))
var ok = True
for h in handles:
    let n = await h
    if n < 5 or n > 105:
        ok = False
print(len(xs), len(handles), ok)

var s = "text"
try:
    s.append(1)
except AttributeError as e:
    print("AttributeError:", e.message)
# expect: [1, 0, 10, 20, 99] [1, 0, 10, 20]
# expect: 105 100 True
# expect: AttributeError: String has no method `append`
