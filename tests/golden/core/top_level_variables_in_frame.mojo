# Checks that top-level variables that no function mentions (kept in the module body's
# own frame rather than the table of globals) behave as globals do: seen after the block
# and the loop that bind them, updated by loops, unpacking, `with`, `match`, awaits and
# comprehensions, and a loop variable read after a loop that never ran is still an error.
var total = 0
for i in range(5):
    total += i
print(total, i)
a, b = 1, 2
a, b = b, a
print(a, b)
var words = [w.upper() for w in ["x", "y"]]
print(words)
match (a, b):
    case (2, y):
        print("y", y)
    case _:
        print("other")
async fn double(n: Int) -> Int:
    return n * 2
var handles = []
for k in range(3):
    handles.append(spawn(double(k)))
var got = 0
for h in handles:
    got += await h
print(got)
if got > 0:
    var note = "positive"
print(note)
try:
    raise ValueError("bad")
except ValueError as err:
    print("caught", err.message)
let ch = Channel[Int](3)
await ch.send(1)
await ch.send(2)
ch.close()
while let Some(v) = await ch.recv():
    got += v
print(got)
for q in range(0):
    pass
print(q)
# expect: 10 4
# expect: 2 1
# expect: ['X', 'Y']
# expect: y 1
# expect: 6
# expect: positive
# expect: caught bad
# expect: 9
# expect runtime error: global `q` is used before it is defined
